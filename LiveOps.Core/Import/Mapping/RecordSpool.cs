using System.Globalization;
using CsvHelper;

namespace LiveOps.Core.Import.Mapping;

/// <summary>Storage values of a kind's fields written back in the spelling of contract §2.</summary>
internal static class ContractText
{
    public static string? Format(FieldSpec field, object? value) => value switch
    {
        null => null,
        string s => s,
        _ => field.Type switch
        {
            FieldType.Instant => Instant(Convert.ToInt64(value, CultureInfo.InvariantCulture)),
            FieldType.Amount => Common.Money.FromUnits(Convert.ToInt64(value, CultureInfo.InvariantCulture)).ToString("0.00##", CultureInfo.InvariantCulture),
            FieldType.Boolean => Convert.ToInt64(value, CultureInfo.InvariantCulture) == 1 ? "true" : "false",
            FieldType.Enum => MappingJson.EnumSpellings(field.EnumType!)[Convert.ToInt32(value, CultureInfo.InvariantCulture)],
            FieldType.Number => ((double)value).ToString("R", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        },
    };

    private static string Instant(long ms)
    {
        var instant = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime;
        return instant.ToString(ms % 1000 == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// The records a mapping formed, written as a plain contract §2 file into a temporary file that is deleted on dispose,
/// so the one importer of §2 files writes them; it remembers the source line of every record, so a problem that
/// importer found would still name the line of the shop's file.
/// </summary>
internal sealed class RecordSpool : IDisposable
{
    private readonly KindSpec _spec;
    private readonly string _path;
    private readonly FileStream _file;
    private readonly CsvWriter _writer;
    private readonly List<long> _lines = [];

    public RecordSpool(KindSpec spec)
    {
        _spec = spec;
        _path = Common.TempFiles.NewPath("mapped", ".csv");
        _file = new FileStream(_path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
        _writer = CsvWriter.Create(_file, CsvWriterOptions.Default with { NewLine = "\n" }, leaveOpen: true);
        _writer.WriteHeader(spec.Fields.Select(f => f.Name).ToArray());
    }

    public long Records => _lines.Count;

    public void Add(object?[] values, long sourceLine)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _writer.WriteField(ContractText.Format(_spec.Fields[i], values[i]) ?? "");
        }
        _writer.EndRecord();
        _lines.Add(sourceLine);
    }

    /// <summary>The spooled file from its start; the spool stays the owner.</summary>
    public Stream Rewind()
    {
        _writer.Flush();
        _file.Flush();
        _file.Position = 0;
        return _file;
    }

    /// <summary>The source line of a line of the spooled file (the header being line 1).</summary>
    public long SourceLine(long spoolLine, long headerLine) =>
        spoolLine >= 2 && spoolLine - 2 < _lines.Count ? _lines[(int)(spoolLine - 2)] : headerLine;

    public void Dispose()
    {
        _writer.Dispose();
        _file.Dispose();
    }
}
