using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Lifecycle;
using GoMini.Integration.Support;
using Xunit;
using Xunit.Abstractions;

namespace GoMini.Integration.Lifecycle;

/// <summary>
/// The lifecycle as a property: sequences of create, start, kill, delete, pause, resume and state
/// against the real binary, each command's success and the status `state` then reports checked
/// against <see cref="LifecycleModel"/>. The sequences are <see cref="LifecycleTours"/>: each case
/// exercises every transition of the model, allowed and refused, so every run covers them all.
/// </summary>
public sealed class LifecycleModelProperty(GominiFixture fixture, ITestOutputHelper output) : ContainerTest(fixture)
{
    private readonly GominiCli gomini = new(fixture);

    // A tour is 60-80 commands, each followed by `state`: about 3 s a case here, so 8 cases take about 25 s.
    [Property(MaxTest = 8)]
    public Property Every_command_succeeds_exactly_when_the_spec_allows_it_and_state_follows_the_model() =>
        Prop.ForAll(LifecycleTours.Arbitrary, ops =>
        {
            var bundle = NewBundle().Args("sleep", "1000");
            bundle.Save();
            var model = LifecycleModel.None;
            var log = new List<string>();
            var visited = new HashSet<(Phase, Op)>();
            var createdAt = 0;
            try
            {
                for (var step = 0; step < ops.Length; step++)
                {
                    var op = ops[step];
                    visited.Add((model.Phase, op));
                    var (ok, next) = model.Apply(op);
                    var result = op switch
                    {
                        Op.Create => gomini.Run("create", "--bundle", bundle.Path, bundle.Id),
                        Op.Kill => gomini.Run("kill", bundle.Id, "KILL"),
                        _ => gomini.Run(op.ToString().ToLowerInvariant(), bundle.Id),
                    };
                    log.Add($"{step,3} {model.Phase,-13} {op,-6} -> exit {result.ExitCode} (model: {(ok ? "allowed" : "refused")}) {result.Stderr.Trim()}");
                    if ((result.ExitCode == 0) != ok)
                        Assert.Fail(Divergence(ops, createdAt, step, $"{op} {(ok ? "should succeed" : "should be refused")} in phase {model.Phase}, but exited {result.ExitCode}", log));
                    if (op == Op.Create && ok) createdAt = step;
                    model = next;
                    var status = Observe(bundle.Id, model.Status);
                    if (status != model.Status?.Name())
                        Assert.Fail(Divergence(ops, createdAt, step, $"after {op}, state says {status ?? "no such container"}, the model {model.Status?.Name() ?? "no such container"}", log));
                }
            }
            finally
            {
                var deleted = gomini.Run("delete", "--force", bundle.Id);
                Assert.True(deleted.ExitCode == 0, deleted.ToString());
            }
            output.WriteLine($"{ops.Length} commands, {visited.Count} of {LifecycleModel.AllTransitions.Count} transitions");
            // The tour's promise, checked where it is kept: every transition was exercised against gomini.
            Assert.Equal(LifecycleModel.AllTransitions.Count, visited.Count);
        });

    /// <summary>
    /// What went wrong, the shortest way to reproduce it (the commands since the container was last
    /// created, <paramref name="createdAt"/>: before that it was deleted, so nothing earlier matters),
    /// and the whole log.
    /// </summary>
    private static string Divergence(Op[] ops, int createdAt, int step, string what, List<string> log)
    {
        var reproduce = ops[createdAt..(step + 1)];
        return $"gomini left the model at command {step} of {ops.Length}: {what}\n" +
               $"to reproduce: {string.Join(", ", reproduce)}\n" +
               $"log (step, phase, command, outcome):\n{string.Join('\n', log)}";
    }

    /// <summary>`state`'s status, or null if there is no such container; a dying init is waited for (up to 2 s).</summary>
    private string? Observe(string id, ContainerStatus? expected)
    {
        string? status = null;
        for (var i = 0; i < 100; i++)
        {
            var result = gomini.Run("state", id);
            status = result.ExitCode == 0 ? JsonNode.Parse(result.Stdout)!["status"]!.GetValue<string>() : null;
            if (status == expected?.Name() || expected != ContainerStatus.Stopped) return status;
            Thread.Sleep(20);
        }
        return status;
    }
}
