using GoMini.Domain.Plan;
using LanguageExt;

namespace GoMini.Effects.Bundle;

/// <summary>Reads a bundle's config.json as text; a missing or unreadable file is one clear error.</summary>
public static class BundleReader
{
    public static Validation<PlanError, string> ReadConfig(string bundleDirectory)
    {
        var path = Path.Combine(bundleDirectory, "config.json");
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var why = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "no such file",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            return new PlanError(path, $"cannot read: {why}");
        }
    }
}
