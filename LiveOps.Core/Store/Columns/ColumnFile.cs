using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using LiveOps.Core.Common;

namespace LiveOps.Core.Store;

/// <summary>
/// Column arrays persisted next to the database, so a new process (a command, a restarted dashboard) reads a
/// million orders' columns in a fraction of a second instead of scanning the tables again.
/// </summary>
/// <remarks>
/// The header names what the file holds (<c>kind</c>, with its layout version) and the <see cref="ChangeStamp"/>
/// of the rows it was built from; a reader only accepts a file whose stamp equals the database's current one, so
/// the file is never stale, whoever wrote to the database since. A SHA-256 of everything before it closes the file:
/// a file damaged in place (one flipped byte in a column of amounts) is refused and rebuilt, never read as numbers. Files are written to a temporary name and renamed
/// over the old one, so a reader never sees half a file; anything unreadable counts as no file.
/// </remarks>
internal static class ColumnFile
{
    private const uint Magic = 0x4C4F4346; // "LOCF"
    private const uint EndMark = 0x454E4421;

    /// <summary>
    /// Reads <paramref name="path"/> with <paramref name="read"/> when it holds <paramref name="kind"/> built at
    /// <paramref name="stamp"/> and ends right after what was read; otherwise (no file, another stamp, truncated,
    /// damaged, or <paramref name="read"/> finds the columns inconsistent and returns null) null.
    /// </summary>
    public static T? TryRead<T>(string path, string kind, ChangeStamp stamp, Func<ColumnFileReader, T?> read) where T : class
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 1 << 16, FileOptions.SequentialScan);
            using var reader = new ColumnFileReader(stream);
            return reader.ReadHeader(kind, stamp) && read(reader) is { } value && reader.Finished() ? value : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or FormatException or OverflowException)
        {
            return null; // the caller reads the database instead, and writes the file afresh
        }
    }

    /// <summary>
    /// Writes the file with <paramref name="write"/>, best effort: a read-only folder or a full disk only costs the next
    /// process a table scan.
    /// </summary>
    public static void TryWrite(string path, string kind, ChangeStamp stamp, Action<ColumnFileWriter> write)
    {
        try
        {
            using var file = new ColumnFileWriter(path, kind, stamp);
            write(file);
            file.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    internal static void WriteHeader(BinaryWriter writer, string kind, ChangeStamp stamp)
    {
        writer.Write(Magic);
        writer.Write(kind);
        writer.Write(stamp.Instance);
        writer.Write(stamp.Version);
    }

    internal static bool HeaderMatches(BinaryReader reader, string kind, ChangeStamp stamp) =>
        reader.ReadUInt32() == Magic
        && reader.ReadString() == kind
        && reader.ReadString() == stamp.Instance
        && reader.ReadInt64() == stamp.Version;

    internal static void WriteEnd(BinaryWriter writer) => writer.Write(EndMark);

    internal static bool EndMatches(BinaryReader reader) =>
        reader.ReadUInt32() == EndMark && reader.BaseStream.Position == reader.BaseStream.Length;
}

/// <summary>Writes columns in order; <see cref="Commit"/> puts the finished file in place.</summary>
internal sealed class ColumnFileWriter : IDisposable
{
    private readonly string _path;
    private readonly string _temporary;
    private readonly FileStream _file;
    private readonly HashingStream _stream;
    private readonly BinaryWriter _writer;
    private bool _committed;

    public ColumnFileWriter(string path, string kind, ChangeStamp stamp)
    {
        _path = path;
        _temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        _file = new FileStream(_temporary, OwnerOnlyFiles.Create());
        _stream = new HashingStream(_file);
        _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
        ColumnFile.WriteHeader(_writer, kind, stamp);
    }

    public void Write<T>(T[] values) where T : unmanaged
    {
        _writer.Write(values.Length);
        _writer.Flush();
        _stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public void Write(IReadOnlyList<string?> values)
    {
        _writer.Write(values.Count);
        foreach (var value in values)
        {
            _writer.Write(value is not null);
            if (value is not null)
            {
                _writer.Write(value);
            }
        }
    }

    public void Commit()
    {
        _writer.Flush();
        _file.Write(_stream.Hash());
        ColumnFile.WriteEnd(_writer);
        Close();
        File.Move(_temporary, _path, overwrite: true);
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed)
        {
            Close();
            File.Delete(_temporary);
        }
    }

    private void Close()
    {
        if (_file.CanWrite)
        {
            _writer.Dispose(); // flushes into the stream, so before the stream closes
            _stream.Dispose();
            _file.Dispose();
        }
    }
}

/// <summary>Reads columns in the order they were written; every length is checked against what the file still holds.</summary>
internal sealed class ColumnFileReader : IDisposable
{
    private readonly HashingReadStream _stream;
    private readonly BinaryReader _reader;

    public ColumnFileReader(Stream file)
    {
        _stream = new HashingReadStream(file);
        _reader = new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
    }

    internal bool ReadHeader(string kind, ChangeStamp stamp) => ColumnFile.HeaderMatches(_reader, kind, stamp);

    public T[] Read<T>() where T : unmanaged
    {
        var length = ReadLength(Marshal.SizeOf<T>());
        var values = new T[length];
        _stream.ReadExactly(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>Strings none of which may be null (ids); a null means the file is not what it claims to be.</summary>
    public string[] ReadIds()
    {
        var values = new string[ReadLength(1)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadString() ?? throw new InvalidDataException("an id column holds a null");
        }
        return values;
    }

    public string?[] ReadStrings()
    {
        var values = new string?[ReadLength(1)];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = ReadString();
        }
        return values;
    }

    private string? ReadString() => _reader.ReadBoolean() ? _reader.ReadString() : null;

    /// <summary>
    /// True when the checksum after what was read is that of every byte read, and the file ends right after it: a
    /// complete, undamaged file of the expected layout.
    /// </summary>
    public bool Finished()
    {
        var expected = _stream.Hash();
        var stored = new byte[expected.Length];
        _stream.ReadUnhashed(stored);
        return CryptographicOperations.FixedTimeEquals(expected, stored) && ColumnFile.EndMatches(_reader);
    }

    private int ReadLength(int elementSize)
    {
        var length = _reader.ReadInt32();
        if (length < 0 || (long)length * elementSize > _stream.Length - _stream.Position)
        {
            throw new InvalidDataException("a column is longer than the rest of the file");
        }
        return length;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
    }
}
