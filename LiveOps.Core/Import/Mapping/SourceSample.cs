namespace LiveOps.Core.Import.Mapping;

/// <summary>
/// What a shop's export holds, for building a mapping by hand: its header and the distinct values of one column
/// (the status words a value map must translate). Reads CSV in any supported encoding and .xlsx, one row at a time.
/// </summary>
public static class SourceSample
{
    /// <summary>
    /// The distinct values of <paramref name="column"/> over the whole file, in order of first appearance, at most
    /// <paramref name="max"/> (a column with more is not a status column). Empty values are left out; empty when the
    /// file has no such column or cannot be read.
    /// </summary>
    public static IReadOnlyList<string> DistinctValues(Stream file, string column, int max, CancellationToken ct = default)
    {
        var problems = new ProblemList();
        var start = file.Position;
        var found = new List<string>();
        try
        {
            var format = SourceRows.Sniff(file);
            if (format is SourceFormat.Xls or SourceFormat.OtherZip)
            {
                return found;
            }
            using SourceRows rows = format == SourceFormat.Xlsx
                ? new XlsxSourceRows(file, problems)
                : new CsvSourceRows(file, SourceRows.Detect(file, SourceEncoding.Auto), checkUtf8: false, problems);
            if (!rows.ReadHeader(problems))
            {
                return found;
            }
            var index = Array.FindIndex(rows.Header, h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                return found;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (found.Count < max && rows.Read(ct))
            {
                var value = SourceText.Clean(SourceText.OfCell(rows.Cell(index)));
                if (value.Length > 0 && seen.Add(value))
                {
                    found.Add(value);
                }
            }
            return found;
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException)
        {
            return found;
        }
        finally
        {
            file.Position = start;
        }
    }
}
