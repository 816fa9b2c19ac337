using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GoMini.Domain.Lifecycle;
using GoMini.Integration.Support;
using Xunit;

namespace GoMini.Integration.Lifecycle;

/// <summary>
/// The lifecycle as a property: random sequences of create, start, kill, delete, pause, resume and
/// state against the real binary, each command's success and the status `state` then reports
/// checked against a model of the runtime-spec's transitions (<see cref="Transitions.Refusal"/>).
/// </summary>
public sealed class LifecycleModelProperty(GominiFixture fixture) : ContainerTest(fixture)
{
    private readonly GominiCli gomini = new(fixture);

    public enum Op { Create, Start, Kill, Delete, Pause, Resume, State }

    /// <summary>The model: null status is "no such container"; a SIGKILLed frozen init dies when thawed.</summary>
    private sealed record Model(ContainerStatus? Status, bool Started, bool KilledWhilePaused)
    {
        public static readonly Model None = new(null, false, false);

        /// <summary>Whether the command should succeed, and the model after it.</summary>
        public (bool Ok, Model Next) Apply(Op op)
        {
            if (op == Op.Create) return Status is null ? (true, new Model(ContainerStatus.Created, false, false)) : (false, this);
            if (Status is not { } s) return (false, this);
            var operation = op switch
            {
                Op.Start => Operation.Start, Op.Kill => Operation.Kill, Op.Delete => Operation.Delete,
                Op.Pause => Operation.Pause, Op.Resume => Operation.Resume, _ => Operation.State,
            };
            if (Transitions.Refusal(s, operation, "x").IsSome) return (false, this);
            return (true, op switch
            {
                Op.Start => this with { Status = ContainerStatus.Running, Started = true },
                Op.Kill when s == ContainerStatus.Paused => this with { KilledWhilePaused = true },
                Op.Kill => this with { Status = ContainerStatus.Stopped },
                Op.Delete => None,
                Op.Pause => this with { Status = ContainerStatus.Paused },
                // runc: a paused created container is created again once thawed (its init still waits for start).
                Op.Resume => this with
                {
                    Status = KilledWhilePaused ? ContainerStatus.Stopped : Started ? ContainerStatus.Running : ContainerStatus.Created,
                    KilledWhilePaused = false,
                },
                _ => this,
            });
        }
    }

    private static readonly Arbitrary<Op[]> Sequences =
        (from length in Gen.Choose(1, 8)
         from ops in Gen.ArrayOf(Gen.Frequency(
             (3, Gen.Constant(Op.Create)), (3, Gen.Constant(Op.Start)), (2, Gen.Constant(Op.Kill)), (2, Gen.Constant(Op.Delete)),
             (2, Gen.Constant(Op.Pause)), (2, Gen.Constant(Op.Resume)), (1, Gen.Constant(Op.State))), length)
         select ops).ToArbitrary();

    [Property(MaxTest = 25)]
    public Property Every_command_succeeds_exactly_when_the_spec_allows_it_and_state_follows_the_model() =>
        Prop.ForAll(Sequences, ops =>
        {
            var bundle = NewBundle().Args("sleep", "1000");
            bundle.Save();
            var model = Model.None;
            var log = new List<string>();
            try
            {
                foreach (var op in ops)
                {
                    var (ok, next) = model.Apply(op);
                    var result = op switch
                    {
                        Op.Create => gomini.Run("create", "--bundle", bundle.Path, bundle.Id),
                        Op.Kill => gomini.Run("kill", bundle.Id, "KILL"),
                        _ => gomini.Run(op.ToString().ToLowerInvariant(), bundle.Id),
                    };
                    log.Add($"{op} -> {result.ExitCode} (model: {(ok ? "ok" : "refused")}, then {next.Status?.Name() ?? "gone"}) {result.Stderr.Trim()}");
                    Assert.True((result.ExitCode == 0) == ok, string.Join('\n', log));
                    model = next;
                    var status = Observe(bundle.Id, model.Status);
                    log.Add($"  state: {status ?? "gone"}");
                    Assert.True(status == model.Status?.Name(), string.Join('\n', log));
                }
            }
            finally
            {
                var deleted = gomini.Run("delete", "--force", bundle.Id);
                Assert.True(deleted.ExitCode == 0, deleted.ToString());
            }
        });

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
