namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>The one place for the upload limit, stated on the Data page and in the README.</summary>
public static class UploadLimits
{
    public const int MaxMegabytes = 200;

    public const long BytesPerMegabyte = 1024L * 1024L;

    /// <summary>The largest upload, on the Data page's file input and for <c>POST /data/import/&lt;kind&gt;</c> (whose server limit is one byte more).</summary>
    public const long MaxBytes = MaxMegabytes * BytesPerMegabyte;
}
