using System.Diagnostics;
using GoMini.Domain.Seccomp;
using GoMini.Properties.Seccomp;

// Compiles podman's default profile N times (after a warm-up) and prints the median, p90 and min in µs.
var runs = args.Length > 0 ? int.Parse(args[0]) : 1000;
var spec = PodmanProfile.Default;

var first = Stopwatch.StartNew();
var step = SeccompCompiler.Compile(spec, "linux.seccomp", SeccompArch.X86_64)
    .Match(s => s, errors => throw new InvalidOperationException(string.Join("; ", errors)));
first.Stop();
Console.WriteLine(step.Reason);
Console.WriteLine($"first compile (cold: syscall tables built, plus JIT unless NativeAOT): {first.Elapsed.TotalMicroseconds:F0} µs");

for (var i = 0; i < 100; i++) SeccompCompiler.Compile(spec, "linux.seccomp", SeccompArch.X86_64);

var samples = new double[runs];
for (var i = 0; i < runs; i++)
{
    var sw = Stopwatch.StartNew();
    SeccompCompiler.Compile(spec, "linux.seccomp", SeccompArch.X86_64);
    sw.Stop();
    samples[i] = sw.Elapsed.TotalMicroseconds;
}
Array.Sort(samples);
Console.WriteLine($"{runs} compiles: median {samples[runs / 2]:F0} µs, p90 {samples[runs * 9 / 10]:F0} µs, min {samples[0]:F0} µs");
