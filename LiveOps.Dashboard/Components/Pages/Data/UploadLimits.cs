namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>The one place for the upload limit, stated on the Data page and in the README.</summary>
public static class UploadLimits
{
    public const int MaxMegabytes = 200;

    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;
}
