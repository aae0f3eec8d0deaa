namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>
/// An upload copied whole into a temporary file before anything reads it: the importer checks the whole file before
/// writing and goes back in it (format sniffing, encoding detection, a second pass), and no database work waits on a
/// slow client. The file is readable by this process only and deleted on dispose.
/// </summary>
public sealed class UploadSpool : IAsyncDisposable
{
    private UploadSpool(string path, long length)
    {
        Path = path;
        Length = length;
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Copies <paramref name="source"/> to a new temporary file; null (and nothing kept) when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<UploadSpool?> FromStreamAsync(Stream source, long maxBytes, CancellationToken ct, IProgress<long>? progress = null)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"liveops-upload-{Guid.NewGuid():N}");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        var total = 0L;
        try
        {
            await using (var target = new FileStream(path, options))
            {
                var buffer = new byte[1 << 16];
                int n;
                while ((n = await source.ReadAsync(buffer, ct)) > 0)
                {
                    total += n;
                    if (total > maxBytes)
                    {
                        break;
                    }
                    await target.WriteAsync(buffer.AsMemory(0, n), ct);
                    progress?.Report(total);
                }
            }
            if (total > maxBytes)
            {
                File.Delete(path);
                return null;
            }
            return new UploadSpool(path, total);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public ValueTask DisposeAsync()
    {
        File.Delete(Path);
        return ValueTask.CompletedTask;
    }
}
