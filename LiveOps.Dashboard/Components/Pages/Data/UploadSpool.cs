using LiveOps.Core.Common;

namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>
/// An upload (the Data page's file input and <c>POST /data/import/&lt;kind&gt;</c>) copied whole into a temporary file
/// before anything reads it: the importer checks the whole file before writing and goes back in it (format sniffing,
/// encoding detection, a second pass), and no write transaction starts while a slow client is still sending. The file
/// is in the product's temporary folder (<see cref="TempFiles"/>), owner-only, held open until dispose (so a start of
/// the dashboard leaves it alone) and deleted on dispose; one left by a crash is removed at the next start.
/// </summary>
public sealed class UploadSpool : IAsyncDisposable
{
    private readonly FileStream _hold;

    private UploadSpool(string path, long length, FileStream hold)
    {
        Path = path;
        Length = length;
        _hold = hold;
    }

    public string Path { get; }

    public long Length { get; }

    /// <summary>Copies <paramref name="source"/> to a new temporary file; null (and nothing kept) when it is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<UploadSpool?> FromStreamAsync(Stream source, long maxBytes, CancellationToken ct, IProgress<long>? progress = null)
    {
        var path = TempFiles.NewPath("upload");
        var options = OwnerOnlyFiles.Create(access: FileAccess.Write, options: FileOptions.Asynchronous);
        options.Share = FileShare.ReadWrite | FileShare.Delete;
        FileStream? hold = null;
        var total = 0L;
        try
        {
            await using (var target = new FileStream(path, options))
            {
                // Held from the first byte until dispose: the lock that tells a starting dashboard the file is in use.
                hold = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
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
                Delete(path, hold);
                return null;
            }
            return new UploadSpool(path, total, hold);
        }
        catch
        {
            Delete(path, hold);
            throw;
        }
    }

    private static void Delete(string path, FileStream? hold)
    {
        hold?.Dispose();
        File.Delete(path);
    }

    public ValueTask DisposeAsync()
    {
        Delete(Path, _hold);
        return ValueTask.CompletedTask;
    }
}
