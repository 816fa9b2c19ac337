using System.Text;
using GoMini.Domain.Plan;
using LanguageExt;

namespace GoMini.Domain.Explain;

/// <summary>`gomini explain`: the plan as numbered steps per process, each with its syscalls and its reason.</summary>
public static class PlanText
{
    public static string Render(ContainerPlan plan)
    {
        var text = new StringBuilder();
        text.AppendLine($"Plan for container \"{plan.ContainerId}\"");
        text.AppendLine($"  bundle: {plan.Bundle}");
        text.AppendLine($"  rootfs: {plan.Rootfs}");
        text.AppendLine();
        Section(text, "host", "what gomini itself does, in the host's namespaces", plan.Host);
        text.AppendLine();
        Section(text, "init", "what the init child does, inside the container's namespaces, before it becomes the container process", plan.Init);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string name, string about, Seq<Step> steps)
    {
        text.AppendLine($"{name}: {about}");
        var number = 1;
        var width = steps.Count.ToString().Length;
        foreach (var step in steps)
        {
            var described = StepDescriber.Describe(step);
            var n = number.ToString().PadLeft(width);
            var pad = new string(' ', width + 4);
            text.AppendLine($"  {n}. {described.What}");
            text.AppendLine($"{pad}{described.Syscall}");
            text.AppendLine($"{pad}why: {step.Reason}");
            number++;
        }
    }
}
