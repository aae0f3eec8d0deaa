namespace LiveOps.Core.Common;

/// <summary>
/// Files that hold the shop's data or secrets (the database and its sidecars, cache files, uploads, keys) are
/// readable and writable by their owner only (0600): another account on the machine cannot copy customers or
/// sign-in keys from them.
/// </summary>
public static class OwnerOnlyFiles
{
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The options that create a new file with <see cref="Mode"/> (ignored on Windows, where ACLs apply).</summary>
    public static FileStreamOptions Create(FileMode mode = FileMode.CreateNew, FileAccess access = FileAccess.Write, int bufferSize = 1 << 16, FileOptions options = FileOptions.None)
    {
        var result = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None, BufferSize = bufferSize, Options = options };
        if (!OperatingSystem.IsWindows())
        {
            result.UnixCreateMode = Mode;
        }
        return result;
    }

    /// <summary>
    /// Before SQLite opens <paramref name="databaseFile"/>: creates it empty (SQLite takes an empty file as a new
    /// database) with <see cref="Mode"/>, or narrows an existing file and its sidecars to it. SQLite gives the
    /// -wal and -shm files the database file's mode.
    /// </summary>
    public static void PrepareDatabase(string databaseFile)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        if (!File.Exists(databaseFile))
        {
            var folder = Path.GetDirectoryName(databaseFile);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                return; // SQLite reports the missing folder in its own words.
            }
            try
            {
                using (new FileStream(databaseFile, Create()))
                {
                }
            }
            catch (IOException) when (File.Exists(databaseFile))
            {
                // Another process created it first.
            }
        }
        var name = Path.GetFileName(databaseFile);
        var dir = Path.GetDirectoryName(Path.GetFullPath(databaseFile))!;
        foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm", databaseFile + "-journal" }
                     .Concat(Directory.EnumerateFiles(dir, name + ".*.cache")))
        {
            Restrict(file);
        }
    }

    /// <summary>Narrows an existing file to <see cref="Mode"/> when it is wider (and the process owns it).</summary>
    public static void Restrict(string file)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(file))
        {
            return;
        }
        try
        {
            if ((File.GetUnixFileMode(file) & ~Mode) != 0)
            {
                File.SetUnixFileMode(file, Mode);
            }
        }
        catch (UnauthorizedAccessException)
        {
            // Owned by another account: its owner decides.
        }
    }
}
