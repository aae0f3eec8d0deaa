using System.Text;
using System.Text.Json;
using LiveOps.Core.Common;

namespace LiveOps.Dashboard.Cli;

/// <summary>
/// Writes a report to the command's output in chunks. Console.Out flushes on every write, so a CSV written field by
/// field costs a system call per field, and a report serialized to one string first holds it twice in memory
/// (22 MB of JSON for 200,000 customers). Both go out here in 64 KB chunks, the same bytes as before.
/// </summary>
public static class ReportOutput
{
    private const int ChunkChars = 64 * 1024;

    /// <summary>The report as <see cref="ReportJson"/> JSON, then a newline, streamed without an intermediate string.</summary>
    public static async Task WriteJsonAsync<T>(TextWriter writer, T report, CancellationToken ct)
    {
        await using (var stream = new TextWriterStream(writer))
        {
            await JsonSerializer.SerializeAsync(stream, report, ReportJson.Options, ct);
        }
        await writer.WriteLineAsync();
    }

    /// <summary>Writes what <paramref name="write"/> writes through a buffer that forwards 64 KB at a time.</summary>
    public static async Task WriteBufferedAsync(TextWriter writer, Func<TextWriter, Task> write)
    {
        await using var buffered = new ChunkedWriter(writer);
        await write(buffered);
    }

    /// <summary>A write-only stream of UTF-8 bytes handed on to a <see cref="TextWriter"/> as characters.</summary>
    private sealed class TextWriterStream(TextWriter writer) : Stream
    {
        private readonly Decoder _decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        private char[] _chars = new char[ChunkChars];

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var needed = _decoder.GetCharCount(buffer, flush: false);
            if (needed > _chars.Length)
            {
                _chars = new char[needed];
            }
            // A character split between two chunks stays in the decoder until its last byte arrives.
            var n = _decoder.GetChars(buffer, _chars, flush: false);
            writer.Write(_chars, 0, n);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush() { }

        public override Task FlushAsync(CancellationToken ct) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>Collects characters and hands them on in chunks; disposing flushes the rest (the target stays open).</summary>
    private sealed class ChunkedWriter : TextWriter
    {
        private readonly TextWriter target;
        private readonly char[] _buffer = new char[ChunkChars];
        private int _used;

        public ChunkedWriter(TextWriter target) : base(target.FormatProvider)
        {
            this.target = target;
            NewLine = target.NewLine;
        }

        public override Encoding Encoding => target.Encoding;

        public override void Write(char value)
        {
            if (_used == _buffer.Length)
            {
                Flush();
            }
            _buffer[_used++] = value;
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            while (!buffer.IsEmpty)
            {
                if (_used == _buffer.Length)
                {
                    Flush();
                }
                var n = Math.Min(buffer.Length, _buffer.Length - _used);
                buffer[..n].CopyTo(_buffer.AsSpan(_used));
                _used += n;
                buffer = buffer[n..];
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

        public override void Write(string? value) => Write(value.AsSpan());

        public override void WriteLine(string? value)
        {
            Write(value.AsSpan());
            Write(CoreNewLine.AsSpan());
        }

        public override Task WriteAsync(string? value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteLineAsync(string? value)
        {
            WriteLine(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(char value)
        {
            Write(value);
            return Task.CompletedTask;
        }

        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken ct = default)
        {
            Write(buffer.Span);
            return Task.CompletedTask;
        }

        public override Task WriteLineAsync()
        {
            WriteLine();
            return Task.CompletedTask;
        }

        public override void Flush()
        {
            if (_used > 0)
            {
                target.Write(_buffer, 0, _used);
                _used = 0;
            }
        }

        public override Task FlushAsync()
        {
            Flush();
            return Task.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Flush();
            }
            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
            return ValueTask.CompletedTask;
        }
    }
}
