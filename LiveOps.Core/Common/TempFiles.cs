namespace LiveOps.Core.Common;

/// <summary>
/// The product's temporary files (spooled uploads, a mapped file's records) live in one folder of their own,
/// <c>&lt;temp&gt;/liveops-&lt;user&gt;</c>, readable by their owner only. Every file there is held open, and so locked,
/// by the process using it; a file nobody holds was left by a crash and <see cref="RemoveLeftovers"/> deletes it.
/// </summary>
public static class TempFiles
{
    /// <summary>The folder, created (0700) when missing.</summary>
    public static string Folder
    {
        get
        {
            var folder = Path.Combine(Path.GetTempPath(), "liveops-" + Sanitize(Environment.UserName));
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            return folder;
        }
    }

    /// <summary>A new file name in <see cref="Folder"/>.</summary>
    public static string NewPath(string prefix, string extension = "") =>
        Path.Combine(Folder, $"{prefix}-{Guid.NewGuid():N}{extension}");

    /// <summary>
    /// Deletes the files in <see cref="Folder"/> that no process holds (left by a process that crashed or was killed);
    /// the files of running processes, this one's and others', stay. Returns how many were deleted.
    /// </summary>
    public static int RemoveLeftovers()
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            try
            {
                // An exclusive open fails while any process holds the file (.NET locks files it opens, flock on Unix).
                using (new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
                removed++;
            }
            catch (IOException)
            {
                // In use, or already gone.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to delete.
            }
        }
        return removed;
    }

    private static string Sanitize(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
