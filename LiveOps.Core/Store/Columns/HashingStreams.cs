using System.Security.Cryptography;

namespace LiveOps.Core.Store;

/// <summary>
/// Passes writes through to a stream and keeps a SHA-256 of every byte that passed. The many small writes of a string
/// column (a flag, a length, a few bytes per id) are gathered before they are hashed: one call into the hash per byte
/// or two would cost more than writing the file. (Reading: <see cref="HashingReadStream"/>.)
/// </summary>
internal sealed class HashingStream(Stream inner) : Stream
{
    private const int Gather = 64 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _pending = new byte[Gather];
    private int _pendingLength;

    /// <summary>The hash of the bytes so far; the count goes on.</summary>
    public byte[] Hash()
    {
        HashPending();
        return _hash.GetCurrentHash();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Append(buffer);
        inner.Write(buffer);
    }

    // A flag per string: the base class would allocate an array for every byte.
    public override void WriteByte(byte value) => Write([value]);

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > Gather / 4)
        {
            HashPending();
            _hash.AppendData(bytes);
            return;
        }
        if (_pendingLength + bytes.Length > Gather)
        {
            HashPending();
        }
        bytes.CopyTo(_pending.AsSpan(_pendingLength));
        _pendingLength += bytes.Length;
    }

    private void HashPending()
    {
        _hash.AppendData(_pending.AsSpan(0, _pendingLength));
        _pendingLength = 0;
    }

    public override void Flush() => inner.Flush();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.Position;
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>
/// Reads a file through its own 64 KiB buffer and keeps a SHA-256 of every byte handed out (not of what was read
/// ahead): the flag, length and few bytes of each string of a column cost a copy out of the buffer, and the hash
/// takes the consumed bytes a buffer at a time. <see cref="ReadUnhashed"/> reads the stored checksum itself.
/// </summary>
internal sealed class HashingReadStream(Stream inner) : Stream
{
    private const int BufferSize = 64 * 1024;

    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _start;
    private int _end;
    private int _hashedTo;

    /// <summary>The hash of the bytes handed out so far; reading goes on.</summary>
    public byte[] Hash()
    {
        HashConsumed();
        return _hash.GetCurrentHash();
    }

    /// <summary>Fills <paramref name="destination"/> with the next bytes, which are not hashed.</summary>
    public void ReadUnhashed(Span<byte> destination)
    {
        HashConsumed();
        ReadExactly(destination);
        if (_hashedTo < _start)
        {
            _hashedTo = _start;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }
        if (_start == _end)
        {
            if (destination.Length >= BufferSize)
            {
                // A whole column of numbers: straight into the array, hashed there.
                HashConsumed();
                var read = inner.Read(destination);
                _hash.AppendData(destination[..read]);
                return read;
            }
            if (!Refill())
            {
                return 0;
            }
        }
        var n = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, n).CopyTo(destination);
        _start += n;
        return n;
    }

    public override int ReadByte()
    {
        if (_start == _end && !Refill())
        {
            return -1;
        }
        return _buffer[_start++];
    }

    private bool Refill()
    {
        HashConsumed();
        _start = _end = _hashedTo = 0;
        _end = inner.Read(_buffer);
        return _end > 0;
    }

    private void HashConsumed()
    {
        if (_start > _hashedTo)
        {
            _hash.AppendData(_buffer.AsSpan(_hashedTo, _start - _hashedTo));
            _hashedTo = _start;
        }
    }

    public override void Flush()
    {
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => inner.Length;

    /// <summary>The position of the next byte handed out (the file's position less what is buffered).</summary>
    public override long Position
    {
        get => inner.Position - (_end - _start);
        set => throw new NotSupportedException();
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
