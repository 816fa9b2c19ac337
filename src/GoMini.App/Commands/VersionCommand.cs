using System.CommandLine;
using System.Runtime.InteropServices;

namespace GoMini.App.Commands;

/// <summary>`gomini version`: GoMini's version and commit, the OCI spec it implements, the .NET runtime.</summary>
public static class VersionCommand
{
    public const string SpecVersion = "1.2.0";

    // A NativeAOT binary carries no gomini.dll beside it; the feature switches of PublishAot say "no JIT" in both.
    private static bool IsJit => File.Exists(Path.Combine(AppContext.BaseDirectory, "gomini.dll"));

    public static Command Create()
    {
        var command = new Command("version", "print GoMini's version, commit, OCI spec version and .NET runtime");
        command.SetAction(_ =>
        {
            Console.WriteLine($"gomini version {BuildInfo.Version}");
            Console.WriteLine($"commit: {BuildInfo.Commit}");
            Console.WriteLine($"spec: {SpecVersion}");
            Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription} ({(IsJit ? "JIT" : "NativeAOT")})");
            return 0;
        });
        return command;
    }
}
