namespace LiveOps.Core.Import.Mapping;

/// <summary>Rows one skip rule dropped.</summary>
public sealed record SkipCount(SkipRule Rule, long Rows);

/// <summary>How far a check or an import has come, for a progress bar.</summary>
/// <param name="RowsRead">Source rows read so far.</param>
/// <param name="Fraction">The share of the file read (0 to 1) when it can be told (CSV), else null.</param>
/// <param name="Writing">Whether the records are being written (after the whole file was checked).</param>
public sealed record ImportProgress(long RowsRead, double? Fraction, bool Writing);

/// <summary>
/// What a file did (or, for a dry run, would do) through a mapping. When <see cref="Problems"/> is not empty nothing
/// was written. Counts: <see cref="RowsRead"/> source rows (header and empty rows not counted) =
/// rows skipped + rows that formed records (or had problems); <see cref="Records"/> records formed (orders from line
/// items, customers, …).
/// </summary>
/// <param name="Kind">The kind the file became.</param>
/// <param name="Mapping">The mapping's name.</param>
/// <param name="DryRun">True when nothing was to be written (preview, <c>--dry-run</c>).</param>
/// <param name="Format">CSV or .xlsx.</param>
/// <param name="Encoding">The encoding a CSV file was read in (<c>utf-8</c>, <c>gb18030</c>); null for .xlsx.</param>
/// <param name="RowsRead">Data rows read from the file.</param>
/// <param name="Records">Records formed (after combining line items).</param>
/// <param name="Skipped">Rows dropped, per skip rule, in the mapping's order.</param>
/// <param name="NewCustomers">Distinct customers named by the records that the database does not know yet.</param>
/// <param name="KnownCustomers">Distinct customers named by the records that the database knows.</param>
/// <param name="Columns">The contract columns of the kind (the header of <see cref="FirstRecords"/>).</param>
/// <param name="FirstRecords">The first records as they will be stored (contract spellings; hashed ids as hashes).</param>
/// <param name="Problems">Every problem (the first 10,000), in line order; mapping problems have line 0.</param>
/// <param name="MoreProblems">Problems beyond those listed.</param>
/// <param name="Written">What the import wrote; null for a dry run or a refused file.</param>
public sealed record MappedImportResult(
    ImportKind Kind,
    string Mapping,
    bool DryRun,
    SourceFormat Format,
    string? Encoding,
    long RowsRead,
    long Records,
    IReadOnlyList<SkipCount> Skipped,
    long NewCustomers,
    long KnownCustomers,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string?>> FirstRecords,
    IReadOnlyList<ImportProblem> Problems,
    long MoreProblems,
    ImportResult? Written)
{
    public bool Succeeded => Problems.Count == 0;

    public long SkippedRows => Skipped.Sum(s => s.Rows);

    /// <summary>The first problems and the count of the rest, as the command line prints them (English).</summary>
    public long ProblemCount => Problems.Count + MoreProblems;
}
