using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Podman;

/// <summary>
/// A podman pod: an infra container holds the namespaces, and every container of the pod joins them
/// (linux.namespaces with paths) and goes below the pod's cgroup (an absolute linux.cgroupsPath
/// /libpod_parent/POD/libpod-CTR whose parents gomini must make where podman did not: the cgroup2 tree).
/// </summary>
[Collection(ContainerCollection.Name)]
public sealed class PodmanPodTests(PodmanFixture podman) : IClassFixture<PodmanFixture>
{
    private ProcessResult Run(params string[] args) => podman.Podman(args);

    private string Inspect(string name, string format)
    {
        var result = Run("inspect", "--format", format, name);
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Stdout.Trim();
    }

    /// <summary>Regression: gomini failed with `mkdir /sys/fs/cgroup/unified/libpod_parent/POD/libpod-CTR: ENOENT`.</summary>
    [Fact]
    public void A_container_in_a_pod_shares_the_infra_namespaces_and_lives_below_the_pod_cgroup()
    {
        Assert.True(podman.Available, "podman and conmon are needed: `make deps` installs them");
        var pod = Poll.Name();
        var created = Run("pod", "create", "--name", pod);
        Assert.True(created.ExitCode == 0, created.ToString());
        var podId = created.Stdout.Trim();
        var containerId = "";
        try
        {
            var name = Poll.Name();
            var started = Run("run", "-d", "--pod", pod, "--name", name, "localhost/busybox", "sleep", "1000");
            Assert.True(started.ExitCode == 0, started.ToString());
            containerId = started.Stdout.Trim();
            var pid = int.Parse(Inspect(name, "{{.State.Pid}}"));
            var infraPid = int.Parse(Inspect(Inspect(pod, "{{.InfraContainerID}}"), "{{.State.Pid}}"));
            foreach (var ns in new[] { "net", "ipc", "uts" })
                Assert.Equal(new FileInfo($"/proc/{infraPid}/ns/{ns}").LinkTarget, new FileInfo($"/proc/{pid}/ns/{ns}").LinkTarget);
            Assert.Contains($"/libpod_parent/{podId}/libpod-{containerId}", GominiCli.CgroupOf(pid, "memory"));
            var unified = File.ReadAllLines($"/proc/{pid}/cgroup").Single(l => l.StartsWith("0::", StringComparison.Ordinal));
            Assert.Equal($"0::/libpod_parent/{podId}/libpod-{containerId}", unified);
            var exec = Run("exec", name, "hostname");
            Assert.True(exec.ExitCode == 0, exec.ToString());
            Assert.Equal(pod, exec.Stdout.Trim());
        }
        finally
        {
            Assert.Equal(0, Run("pod", "rm", "-f", "-t", "0", pod).ExitCode);
            // The pod's cgroup2 parent: made by gomini as runc makes it, and left by podman with runc too.
            var parent = $"/sys/fs/cgroup/unified/libpod_parent/{podId}";
            if (Directory.Exists(parent)) Directory.Delete(parent);
        }
        Assert.Empty(Directory.GetDirectories("/sys/fs/cgroup", $"libpod-{containerId}", SearchOption.AllDirectories));
    }
}
