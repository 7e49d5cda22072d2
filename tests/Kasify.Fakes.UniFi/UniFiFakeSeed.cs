namespace Kasify.Fakes.UniFi;

/// <summary>The ids and tokens <see cref="UniFiFakeConsole.SeedDefaults"/> uses, fixed so a person can try them by hand.</summary>
public static class UniFiFakeSeed
{
    public const string Token = "unifi-fake-token";
    public const string ReadOnlyToken = "unifi-fake-readonly-token";
    public const string GroundFloorId = "7c62b4b3-692f-44ea-8eb8-e212833b4e0f";
    public const string FirstFloorId = "23c5db06-b59b-494d-94f1-23e88fbe4909";
    public const string MainDoorId = "5785e97b-6123-4596-ba49-b6e51164db9b";
    public const string ApartmentDoorId = "0ed545f8-2fcd-4839-9021-b39e707f6aa9";
    public const string StorageDoorId = "c2a1f0de-3b7e-4f61-9a53-7d0e5b8c4a10";
    public const string BuildingGroupId = "369215b0-cabe-49b6-aeaa-e0b7ec6424d5";
}
