using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using MiniExcelLibs;

namespace LiveOps.Core.Import.Mapping;

/// <summary>What a file is, told from its first bytes (never from its name).</summary>
public enum SourceFormat
{
    Csv,
    Xlsx,
    /// <summary>An Excel 97-2003 binary workbook (OLE2): refused with a "save as .xlsx" message.</summary>
    Xls,
    /// <summary>A zip archive that is not an Excel workbook.</summary>
    OtherZip,
}

/// <summary>
/// The rows of a shop's export, CSV (UTF-8 or GB18030) or .xlsx (first worksheet), read one at a time: a header,
/// then data rows with the physical line (CSV) or row number (.xlsx) each starts on. Cells are text for CSV and
/// text, <see cref="double"/>, <see cref="DateTime"/> or <see cref="bool"/> for .xlsx (Excel numbers and dates as such).
/// </summary>
internal abstract class SourceRows : IDisposable
{
    public string[] Header { get; protected set; } = [];

    public long HeaderLine { get; protected set; } = 1;

    /// <summary>The line (CSV) or worksheet row (.xlsx) the current row starts on.</summary>
    public long Line { get; protected set; }

    /// <summary>The encoding a CSV file was read in (null for .xlsx).</summary>
    public Encoding? Encoding { get; protected init; }

    /// <summary>Moves to the next data row; false at the end. Rows whose cells are all empty are passed over.</summary>
    public abstract bool Read(CancellationToken ct);

    public abstract object? Cell(int column);

    /// <summary>The share of the input read so far (0 to 1), when it can be told.</summary>
    public abstract double? Progress { get; }

    /// <summary>Reads the header (the first row); false, with a problem added, when the file has none.</summary>
    public abstract bool ReadHeader(ProblemList problems);

    public abstract void Dispose();

    /// <summary>Tells CSV from .xlsx, .xls and other zip files by the file's first bytes; leaves the stream where it was.</summary>
    public static SourceFormat Sniff(Stream stream)
    {
        var start = stream.Position;
        Span<byte> head = stackalloc byte[8];
        var n = stream.ReadAtLeast(head, 8, throwOnEndOfStream: false);
        stream.Position = start;
        if (n >= 8 && head.SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            return SourceFormat.Xls;
        }
        if (n >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] is 3 or 5 or 7 && head[3] is 4 or 6 or 8)
        {
            return IsWorkbook(stream) ? SourceFormat.Xlsx : SourceFormat.OtherZip;
        }
        return SourceFormat.Csv;
    }

    // A damaged zip counts as a workbook here, so that reading it reports the damage.
    private static bool IsWorkbook(Stream stream)
    {
        var start = stream.Position;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            return zip.Entries.Any(e => e.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidDataException)
        {
            return true;
        }
        finally
        {
            stream.Position = start;
        }
    }

    /// <summary>
    /// <see cref="SourceEncoding.Auto"/>: UTF-8 when every byte of the stream is valid UTF-8 (a BOM allowed), GB18030 otherwise.
    /// Reads the whole stream once (fast: no characters are kept) and leaves it where it was.
    /// </summary>
    public static Encoding Detect(Stream stream, SourceEncoding wanted)
    {
        if (wanted == SourceEncoding.Gb18030)
        {
            return Gb18030;
        }
        if (wanted == SourceEncoding.Utf8)
        {
            return Utf8NoBom;
        }
        var start = stream.Position;
        try
        {
            return IsUtf8(stream) ? Utf8NoBom : Gb18030;
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static bool IsUtf8(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var carry = 0;
        int read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            var length = carry + read;
            // A character cut by the buffer's end is carried over to the next read.
            var complete = CompletePrefix(buffer.AsSpan(0, length));
            if (!System.Text.Unicode.Utf8.IsValid(buffer.AsSpan(0, complete)))
            {
                return false;
            }
            carry = length - complete;
            buffer.AsSpan(complete, carry).CopyTo(buffer);
        }
        return carry == 0 || System.Text.Unicode.Utf8.IsValid(buffer.AsSpan(0, carry));
    }

    private static int CompletePrefix(ReadOnlySpan<byte> bytes)
    {
        // Look back at most 3 bytes for the start of a multi-byte sequence that has not ended yet.
        for (var back = 1; back <= 3 && back <= bytes.Length; back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // a continuation byte
            }
            var need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return need > back ? bytes.Length - back : bytes.Length;
        }
        return bytes.Length;
    }

    public static readonly Encoding Utf8NoBom = new UTF8Encoding(false);

    public static Encoding Gb18030 { get; } = LoadGb18030();

    private static Encoding LoadGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }
}

/// <summary>A CSV export read with CsvHelper, transcoded from GB18030 when that is its encoding.</summary>
internal sealed class CsvSourceRows : SourceRows
{
    private const int MaxRecordBytes = 1 << 20;

    private readonly CsvReader _reader;
    private readonly Stream _stream;
    private readonly long _length;
    private readonly ProblemList _problems;
    private readonly bool _checkUtf8;

    public CsvSourceRows(Stream stream, Encoding encoding, bool checkUtf8, ProblemList problems)
    {
        _stream = stream;
        _length = stream.CanSeek ? stream.Length : 0;
        _problems = problems;
        _checkUtf8 = checkUtf8;
        Encoding = encoding;
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MaxRecordSize = MaxRecordBytes,
            // null: UTF-8 with its BOM honoured; GB18030 is transcoded to UTF-8 while reading.
            Encoding = encoding is UTF8Encoding ? null : encoding,
            OnMalformedRecord = m => problems.Add(ImportProblem.Of(m.LineNumber, "record", ImportService.Describe(m.Reason), m.Reason.ToString())),
        };
        _reader = CsvReader.Create(stream, options, leaveOpen: true);
    }


    public override double? Progress => _length > 0 ? Math.Min(1, (double)_stream.Position / _length) : null;

    private string[] _cells = [];

    public override bool ReadHeader(ProblemList problems)
    {
        if (!ReadRecord())
        {
            problems.Add(ImportProblem.Of(1, "header", "file.empty"));
            return false;
        }
        HeaderLine = _reader.LineNumber;
        Header = new string[_reader.FieldCount];
        for (var i = 0; i < Header.Length; i++)
        {
            if (_checkUtf8 && !System.Text.Unicode.Utf8.IsValid(_reader.GetSpan(i)))
            {
                problems.Add(ImportProblem.Of(HeaderLine, "header", "header.notUtf8", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            Header[i] = SourceText.Clean(_reader.GetString(i)).TrimStart('\uFEFF');
        }
        _cells = new string[Header.Length];
        return true;
    }

    private bool ReadRecord()
    {
        try
        {
            return _reader.Read();
        }
        catch (CsvFormatException e)
        {
            _problems.Add(ImportProblem.Of(e.LineNumber > 0 ? e.LineNumber : HeaderLine, "record", "record.unclosed"));
            return false;
        }
    }

    public override bool Read(CancellationToken ct)
    {
        while (ReadRecord())
        {
            Line = _reader.LineNumber;
            var any = false;
            var badUtf8 = _checkUtf8 && !System.Text.Unicode.Utf8.IsValid(_reader.RawRecord);
            for (var i = 0; i < _cells.Length; i++)
            {
                if (i >= _reader.FieldCount)
                {
                    _cells[i] = "";
                    continue;
                }
                if (badUtf8 && !System.Text.Unicode.Utf8.IsValid(_reader.GetSpan(i)))
                {
                    _problems.Add(ImportProblem.Of(Line, ColumnName(i), "value.notUtf8"));
                    _cells[i] = "";
                    continue;
                }
                _cells[i] = _reader.GetString(i);
                any |= _cells[i].Length > 0;
            }
            if (any)
            {
                return true;
            }
        }
        return false;
    }

    private string ColumnName(int i) => Header[i].Length > 0 ? Header[i] : $"column {i + 1}";

    public override object? Cell(int column) => _cells[column];

    public override void Dispose() => _reader.Dispose();
}

/// <summary>The first worksheet of an .xlsx workbook, streamed with MiniExcel; row 1 is the header.</summary>
internal sealed class XlsxSourceRows : SourceRows
{
    private readonly IEnumerator<IDictionary<string, object?>> _rows;
    private readonly ProblemList _problems;
    private string[] _keys = [];
    private readonly object?[] _empty = [];
    private object?[] _cells;
    private long _row;

    public XlsxSourceRows(Stream stream, ProblemList problems)
    {
        _problems = problems;
        _cells = _empty;
        _rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().GetEnumerator();
    }

    public override double? Progress => null;

    private bool Next()
    {
        try
        {
            if (!_rows.MoveNext())
            {
                return false;
            }
            _row++;
            return true;
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException
            or ArgumentException or FormatException or NullReferenceException or KeyNotFoundException or IndexOutOfRangeException)
        {
            _problems.Add(ImportProblem.Of(Math.Max(1, _row), "file", "file.xlsx", e.GetType().Name));
            return false;
        }
    }

    public override bool ReadHeader(ProblemList problems)
    {
        if (!Next())
        {
            if (!problems.Any)
            {
                problems.Add(ImportProblem.Of(1, "header", "file.empty"));
            }
            return false;
        }
        HeaderLine = _row;
        var row = _rows.Current;
        _keys = row.Keys.ToArray();
        Header = _keys.Select(k => SourceText.Clean(SourceText.OfCell(row[k]))).ToArray();
        _cells = new object?[_keys.Length];
        return true;
    }

    public override bool Read(CancellationToken ct)
    {
        while (Next())
        {
            var row = _rows.Current;
            var any = false;
            for (var i = 0; i < _keys.Length; i++)
            {
                var cell = row.TryGetValue(_keys[i], out var value) ? value : null;
                _cells[i] = cell;
                any |= cell is not null && (cell is not string s || s.Length > 0);
            }
            if (any)
            {
                Line = _row;
                return true;
            }
        }
        return false;
    }

    public override object? Cell(int column) => _cells[column];

    public override void Dispose() => _rows.Dispose();
}
