using System.Text.Json;
using System.Text.Json.Serialization;

namespace GoMini.Domain.Plan;

/// <summary>Source-generated JSON for plans: `explain --format json` and the init child's steps.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = false,
    Converters = [
        typeof(SeqJsonConverter<Step>), typeof(SeqJsonConverter<string>), typeof(SeqJsonConverter<uint>),
        typeof(SeqJsonConverter<NamespaceKind>), typeof(SeqJsonConverter<NamespaceJoin>), typeof(SeqJsonConverter<Annotation>)])]
[JsonSerializable(typeof(Annotation))]
[JsonSerializable(typeof(ContainerPlan))]
[JsonSerializable(typeof(Step))]
[JsonSerializable(typeof(Step[]))]
[JsonSerializable(typeof(CreateCgroup))]
[JsonSerializable(typeof(WriteCgroupFile))]
[JsonSerializable(typeof(SpawnInit))]
[JsonSerializable(typeof(JoinCgroup))]
[JsonSerializable(typeof(RunHook))]
[JsonSerializable(typeof(ReleaseInit))]
[JsonSerializable(typeof(WaitForExit))]
[JsonSerializable(typeof(RemoveCgroup))]
[JsonSerializable(typeof(EnsureCgroup))]
[JsonSerializable(typeof(ReleaseCgroup))]
[JsonSerializable(typeof(RunContainerHook))]
[JsonSerializable(typeof(UnshareNamespace))]
[JsonSerializable(typeof(JoinNamespace))]
[JsonSerializable(typeof(BringUpLoopback))]
[JsonSerializable(typeof(SetMountPropagation))]
[JsonSerializable(typeof(BindRootfs))]
[JsonSerializable(typeof(MountFilesystem))]
[JsonSerializable(typeof(Remount))]
[JsonSerializable(typeof(MakeDevice))]
[JsonSerializable(typeof(MakeSymlink))]
[JsonSerializable(typeof(PivotRoot))]
[JsonSerializable(typeof(ChangeRoot))]
[JsonSerializable(typeof(MaskPath))]
[JsonSerializable(typeof(RemountReadonly))]
[JsonSerializable(typeof(SetHostname))]
[JsonSerializable(typeof(SetDomainname))]
[JsonSerializable(typeof(WriteSysctl))]
[JsonSerializable(typeof(SetRlimit))]
[JsonSerializable(typeof(SetOomScoreAdj))]
[JsonSerializable(typeof(SetPersonality))]
[JsonSerializable(typeof(SetNoNewPrivileges))]
[JsonSerializable(typeof(KeepCapabilities))]
[JsonSerializable(typeof(SetGroups))]
[JsonSerializable(typeof(SetUser))]
[JsonSerializable(typeof(DropBoundingCapabilities))]
[JsonSerializable(typeof(SetCapabilities))]
[JsonSerializable(typeof(RaiseAmbientCapabilities))]
[JsonSerializable(typeof(SetUmask))]
[JsonSerializable(typeof(ChangeDirectory))]
[JsonSerializable(typeof(LoadSeccompFilter))]
[JsonSerializable(typeof(SetupConsole))]
[JsonSerializable(typeof(WaitForStart))]
[JsonSerializable(typeof(ExecProcess))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(uint))]
[JsonSerializable(typeof(NamespaceKind))]
[JsonSerializable(typeof(NamespaceJoin))]
public sealed partial class PlanJsonContext : JsonSerializerContext;
