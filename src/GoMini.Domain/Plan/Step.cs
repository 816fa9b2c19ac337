using System.Text.Json.Serialization;

namespace GoMini.Domain.Plan;

/// <summary>
/// One effect of starting a container: a closed set of sealed records, each about one
/// syscall (or a tight group of them). Every step says <see cref="Reason"/>: the config field
/// or flag it came from, so `explain` can teach and an error can point at its cause.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op")]
// host (parent) steps
[JsonDerivedType(typeof(CreateCgroup), "createCgroup")]
[JsonDerivedType(typeof(WriteCgroupFile), "writeCgroupFile")]
[JsonDerivedType(typeof(SpawnInit), "spawnInit")]
[JsonDerivedType(typeof(JoinCgroup), "joinCgroup")]
[JsonDerivedType(typeof(RunHook), "runHook")]
[JsonDerivedType(typeof(ReleaseInit), "releaseInit")]
[JsonDerivedType(typeof(WaitForExit), "waitForExit")]
[JsonDerivedType(typeof(RemoveCgroup), "removeCgroup")]
// init (child) steps: namespaces
[JsonDerivedType(typeof(UnshareNamespace), "unshareNamespace")]
[JsonDerivedType(typeof(BringUpLoopback), "bringUpLoopback")]
// init: filesystem
[JsonDerivedType(typeof(SetMountPropagation), "setMountPropagation")]
[JsonDerivedType(typeof(BindRootfs), "bindRootfs")]
[JsonDerivedType(typeof(MountFilesystem), "mount")]
[JsonDerivedType(typeof(Remount), "remount")]
[JsonDerivedType(typeof(MakeDevice), "makeDevice")]
[JsonDerivedType(typeof(MakeSymlink), "symlink")]
[JsonDerivedType(typeof(PivotRoot), "pivotRoot")]
[JsonDerivedType(typeof(ChangeRoot), "chroot")]
[JsonDerivedType(typeof(MaskPath), "maskPath")]
[JsonDerivedType(typeof(RemountReadonly), "remountReadonly")]
// init: the process
[JsonDerivedType(typeof(SetHostname), "setHostname")]
[JsonDerivedType(typeof(SetDomainname), "setDomainname")]
[JsonDerivedType(typeof(WriteSysctl), "writeSysctl")]
[JsonDerivedType(typeof(SetRlimit), "setRlimit")]
[JsonDerivedType(typeof(SetOomScoreAdj), "setOomScoreAdj")]
[JsonDerivedType(typeof(SetPersonality), "setPersonality")]
[JsonDerivedType(typeof(SetNoNewPrivileges), "setNoNewPrivileges")]
[JsonDerivedType(typeof(KeepCapabilities), "keepCapabilities")]
[JsonDerivedType(typeof(SetGroups), "setGroups")]
[JsonDerivedType(typeof(SetUser), "setUser")]
[JsonDerivedType(typeof(DropBoundingCapabilities), "dropBoundingCapabilities")]
[JsonDerivedType(typeof(SetCapabilities), "setCapabilities")]
[JsonDerivedType(typeof(RaiseAmbientCapabilities), "raiseAmbientCapabilities")]
[JsonDerivedType(typeof(SetUmask), "setUmask")]
[JsonDerivedType(typeof(ChangeDirectory), "chdir")]
[JsonDerivedType(typeof(LoadSeccompFilter), "loadSeccompFilter")]
[JsonDerivedType(typeof(WaitForStart), "waitForStart")]
[JsonDerivedType(typeof(ExecProcess), "exec")]
public abstract record Step(string Reason);
