using Xunit;

namespace GoMini.Integration.Lifecycle;

/// <summary>The lifecycle property's generator, checked without containers: what it promises, it does.</summary>
public sealed class LifecycleToursTests
{
    private static IEnumerable<Op[]> Tours(int count) => Enumerable.Range(0, count).Select(seed => LifecycleTours.Tour(new Random(seed)));

    [Fact]
    public void Every_tour_exercises_every_transition_of_the_model_allowed_or_refused()
    {
        Assert.Equal(6 * 7, LifecycleModel.AllTransitions.Count);
        foreach (var tour in Tours(200))
        {
            var model = LifecycleModel.None;
            var visited = new HashSet<(Phase, Op)>();
            foreach (var op in tour)
            {
                visited.Add((model.Phase, op));
                model = model.Apply(op).Next;
            }
            Assert.Equal(LifecycleModel.AllTransitions.Count, visited.Count);
        }
    }

    [Theory]
    [InlineData(Phase.PausedCreated, Op.Resume)]   // paused before start, then resumed
    [InlineData(Phase.PausedCreated, Op.Kill)]     // SIGKILL a paused container that never started
    [InlineData(Phase.PausedRunning, Op.Kill)]     // SIGKILL a paused running container
    [InlineData(Phase.Running, Op.Start)]          // start twice
    [InlineData(Phase.Created, Op.Pause)]          // pause a created container
    [InlineData(Phase.Running, Op.Resume)]         // resume a running one
    [InlineData(Phase.Stopped, Op.Kill)]           // kill a stopped one
    [InlineData(Phase.Running, Op.Delete)]         // delete a running one without --force
    [InlineData(Phase.None, Op.State)]             // state of a deleted one
    public void The_rare_paths_the_old_generator_seldom_formed_are_in_every_tour(Phase phase, Op op)
    {
        foreach (var tour in Tours(200))
        {
            var model = LifecycleModel.None;
            var found = false;
            foreach (var next in tour)
            {
                found |= model.Phase == phase && next == op;
                model = model.Apply(next).Next;
            }
            Assert.True(found, string.Join(", ", tour));
        }
    }

    [Fact]
    public void Tours_stay_short_enough_for_the_real_binary()
    {
        var lengths = Tours(200).Select(t => t.Length).ToArray();
        Assert.InRange(lengths.Max(), LifecycleModel.AllTransitions.Count, 200);
        Assert.InRange(lengths.Average(), LifecycleModel.AllTransitions.Count, 120);
    }

    [Fact]
    public void Tours_differ_from_seed_to_seed()
    {
        Assert.True(Tours(50).Select(t => string.Join(",", t)).Distinct().Count() == 50);
    }
}
