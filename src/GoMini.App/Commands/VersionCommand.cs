using System.CommandLine;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace GoMini.App.Commands;

/// <summary>`gomini version`: GoMini's version and commit, the OCI spec it implements, the .NET runtime.</summary>
public static class VersionCommand
{
    public const string SpecVersion = "1.2.0";

    public static Command Create()
    {
        var command = new Command("version", "print GoMini's version, commit, OCI spec version and .NET runtime");
        command.SetAction(_ =>
        {
            var informational = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = informational.IndexOf('+');
            var version = plus < 0 ? informational : informational[..plus];
            var commit = plus < 0 ? "unknown" : informational[(plus + 1)..];
            Console.WriteLine($"gomini version {version}");
            Console.WriteLine($"commit: {commit}");
            Console.WriteLine($"spec: {SpecVersion}");
            Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription} ({(RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "NativeAOT")})");
            return 0;
        });
        return command;
    }
}
