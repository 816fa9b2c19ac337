using FsCheck;
using FsCheck.Fluent;

namespace GoMini.Integration.Lifecycle;

/// <summary>
/// Command sequences for the lifecycle property that reach the rare paths (pause before start then
/// resume, kill while paused, start twice, delete a running container...) in every case, not by luck.
/// A tour visits every (phase, command) pair of <see cref="LifecycleModel"/> in a random order: at
/// each step it takes a pair still to be visited in the current phase if there is one, else walks a
/// random shortest path (through the model) to the phase of another unvisited pair. About one step
/// in five is a random command instead, so sequences the plan would never form still occur.
/// </summary>
public static class LifecycleTours
{
    private const double Detour = 0.2;

    /// <summary>Tours, each built from a seed FsCheck draws (so a failing case replays), shown as their commands.</summary>
    public static Arbitrary<Op[]> Arbitrary { get; } =
        Gen.Choose(0, int.MaxValue).Select(seed => Tour(new Random(seed))).ToArbitrary();

    public static Op[] Tour(Random random)
    {
        var ops = Enum.GetValues<Op>();
        var unvisited = new HashSet<(Phase, Op)>(LifecycleModel.AllTransitions);
        var model = LifecycleModel.None;
        var tour = new List<Op>();
        void Take(Op op)
        {
            unvisited.Remove((model.Phase, op));
            model = model.Apply(op).Next;
            tour.Add(op);
        }

        while (unvisited.Count > 0)
        {
            if (random.NextDouble() < Detour)
            {
                Take(ops[random.Next(ops.Length)]);
                continue;
            }
            var here = unvisited.Where(t => t.Item1 == model.Phase).ToArray();
            if (here.Length > 0)
            {
                Take(here[random.Next(here.Length)].Item2);
                continue;
            }
            var elsewhere = unvisited.ToArray();
            var target = elsewhere[random.Next(elsewhere.Length)].Item1;
            foreach (var op in PathTo(model, target, random))
                Take(op);
        }
        return [.. tour];
    }

    /// <summary>A shortest sequence of commands from <paramref name="from"/> to <paramref name="phase"/>, ties broken at random.</summary>
    public static IReadOnlyList<Op> PathTo(LifecycleModel from, Phase phase, Random random)
    {
        var cameFrom = new Dictionary<LifecycleModel, (LifecycleModel Before, Op Op)>();
        var queue = new Queue<LifecycleModel>([from]);
        var seen = new HashSet<LifecycleModel> { from };
        while (queue.Count > 0)
        {
            var model = queue.Dequeue();
            if (model.Phase == phase)
            {
                var path = new List<Op>();
                for (var m = model; m != from; m = cameFrom[m].Before)
                    path.Add(cameFrom[m].Op);
                path.Reverse();
                return path;
            }
            foreach (var op in Enum.GetValues<Op>().OrderBy(_ => random.Next()))
            {
                var (ok, next) = model.Apply(op);
                if (ok && seen.Add(next))
                {
                    cameFrom[next] = (model, op);
                    queue.Enqueue(next);
                }
            }
        }
        throw new InvalidOperationException($"the model cannot reach {phase} from {from.Phase}");
    }
}
