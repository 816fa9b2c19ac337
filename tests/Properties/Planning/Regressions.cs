using GoMini.Domain.Options;
using GoMini.Domain.Planning;
using GoMini.Domain.Spec;
using Xunit;

namespace GoMini.Properties.Planning;

/// <summary>Bugs found, pinned so they stay fixed. Each test says what went wrong.</summary>
public class Regressions
{
    [Fact]
    public void The_validator_runs_its_rules_even_though_a_collection_expression_once_made_its_rule_list_empty()
    {
        // SpecValidator's rules were a `[..]` collection expression of a LanguageExt Seq: Seq.Add returns a
        // new Seq, so the list stayed empty and no general rule ever ran (only namespace errors showed).
        var spec = new RuntimeSpec { OciVersion = "0.1.0", Process = new ProcessSpec { Args = ["true"], Cwd = "/" }, Root = new RootSpec { Path = "rootfs" } };
        var errors = Planner.Plan(spec, new RunOptions(), Generators.Facts).Match(_ => [], e => e.ToList());
        Assert.Contains(errors, e => e.Path == "ociVersion");
    }

    [Fact]
    public void A_mount_destination_of_dot_dot_segments_stays_inside_the_root()
    {
        Assert.Equal("/etc", Paths.Normalize("/../../etc"));
        Assert.Equal("/", Paths.Normalize("/a/../.."));
    }

    [Theory]
    [InlineData("64m", 64L << 20)]
    [InlineData("1g", 1L << 30)]
    [InlineData("512k", 512L << 10)]
    [InlineData("1048576", 1048576L)]
    [InlineData("64MB", 64L << 20)]
    public void Memory_sizes_are_read_as_people_write_them(string text, long bytes) =>
        Assert.Equal(bytes, SizeParser.Parse(text).IfNone(-1));

    [Fact]
    public void A_config_that_is_not_json_reports_line_and_position()
    {
        var error = SpecReader.Parse("{\n  \"ociVersion\": \"1.2.0\",\n  oops\n}").Match(_ => (GoMini.Domain.Plan.PlanError?)null, e => e.Head);
        Assert.NotNull(error);
        Assert.Contains("line 3", error!.Message);
    }

    [Fact]
    public void A_field_of_the_wrong_type_names_its_json_path()
    {
        var error = SpecReader.Parse("{\"process\": {\"args\": \"not-an-array\"}}").Match(_ => (GoMini.Domain.Plan.PlanError?)null, e => e.Head);
        Assert.Equal("process.args", error!.Path);
    }
}
