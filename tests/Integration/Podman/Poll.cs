namespace GoMini.Integration.Podman;

/// <summary>Waiting for what podman reports asynchronously (logs, a container's exit), with a deadline.</summary>
internal static class Poll
{
    /// <summary>Re-runs <paramref name="read"/> every 100 ms until <paramref name="done"/> holds or 10 s pass; returns the last value.</summary>
    public static T Until<T>(Func<T> read, Func<T, bool> done, int seconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var value = read();
        while (!done(value) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
            value = read();
        }
        return value;
    }

    /// <summary>A fresh container name, so that parallel runs and leftovers never collide.</summary>
    public static string Name() => "gm-pm-" + Guid.NewGuid().ToString("N")[..8];
}
