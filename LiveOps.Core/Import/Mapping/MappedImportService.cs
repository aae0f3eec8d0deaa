using System.Text;
using LiveOps.Core.Accounts;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Import.Mapping;

/// <summary>
/// Imports a shop's own export (CSV in UTF-8 or GB18030, or .xlsx) through a mapping (contract §5). Every rule of §2
/// holds after the mapping: the whole file is checked before anything is written, problems are
/// <c>line N: column: what is wrong</c> (N the line or worksheet row of the shop's file), and a refused file writes
/// nothing. The records a mapping forms are written by the same importer as a plain §2 file (<see cref="ImportService"/>).
/// </summary>
/// <remarks>
/// <para><see cref="PreviewAsync"/> is the dry run (the Data page's preview, <c>--dry-run</c>): it reads and checks the
/// whole file and says what an import would do: rows read, records formed, rows skipped per rule, new and known
/// customers, the first records as they will be stored, every problem. <see cref="ImportAsync"/> does the same and,
/// when there is no problem, writes the records in one transaction.</para>
/// <para>Memory stays bounded by the file's orders, not its rows: rows are never kept; line items are combined into one
/// compact aggregate per order (<see cref="OrderLines"/>), and records are spooled to a temporary file for the writer.</para>
/// <para>Both need <see cref="Permission.Import"/>; every import attempt (not a preview) is audited with the mapping's name.</para>
/// </remarks>
public sealed class MappedImportService(
    IDbContextFactory<LiveOpsDbContext> factory,
    ImportService importer,
    IdHasher hasher,
    ZoneClock clock,
    AccessGuard guard,
    AuditLog audit)
{
    /// <summary>Records shown in a preview.</summary>
    public const int PreviewRecords = 20;

    /// <summary>Checks the whole file and says what an import would do; writes nothing.</summary>
    /// <param name="kind">The kind the file is to become; must be the mapping's kind.</param>
    /// <param name="file">The file's bytes. A stream that cannot seek is copied to a temporary file first.</param>
    /// <param name="mapping">The mapping (<see cref="MappingJson.Parse"/>, <see cref="SavedMappingService.ResolveAsync"/>, <see cref="PresetCatalog"/>).</param>
    /// <param name="progress">Rows read so far, for a progress bar.</param>
    /// <param name="ct">Cancels the check.</param>
    public async Task<MappedImportResult> PreviewAsync(ImportKind kind, Stream file, ImportMapping mapping, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        await guard.DemandAsync(Permission.Import, null, "", ct);
        return await RunAsync(kind, file, mapping, write: false, null, progress, ct);
    }

    /// <summary>Checks the whole file and, when it has no problem, writes its records; otherwise writes nothing.</summary>
    /// <inheritdoc cref="PreviewAsync" path="/param"/>
    public async Task<MappedImportResult> ImportAsync(ImportKind kind, Stream file, ImportMapping mapping, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        var name = ImportKinds.Name(kind);
        var actor = await guard.DemandAsync(Permission.Import, AuditAction.Import, $"{name} (mapping {mapping.Name})", ct);
        MappedImportResult result;
        try
        {
            result = await RunAsync(kind, file, mapping, write: true, actor, progress, ct);
        }
        catch (Store.ImportBusyException)
        {
            await audit.WriteAsync(actor, AuditAction.Import, $"{name} via mapping '{mapping.Name}': another import was running, nothing written", AuditOutcome.Rejected, CancellationToken.None);
            throw;
        }
        var detail = result.Written is { } w
            ? $"{name} via mapping '{mapping.Name}': {result.RowsRead} rows read, {result.SkippedRows} skipped, {result.Records} records ({w.Added} added, {w.Updated} updated)"
            : $"{name} via mapping '{mapping.Name}': {result.RowsRead} rows read, {result.ProblemCount} problems, nothing written";
        await audit.WriteAsync(actor, AuditAction.Import, detail, result.Succeeded ? AuditOutcome.Succeeded : AuditOutcome.Rejected, CancellationToken.None);
        return result;
    }

    public async Task<MappedImportResult> PreviewFileAsync(ImportKind kind, string path, ImportMapping mapping, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        await using var stream = Open(path);
        return await PreviewAsync(kind, stream, mapping, progress, ct);
    }

    public async Task<MappedImportResult> ImportFileAsync(ImportKind kind, string path, ImportMapping mapping, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        await using var stream = Open(path);
        return await ImportAsync(kind, stream, mapping, progress, ct);
    }

    private static FileStream Open(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    private async Task<MappedImportResult> RunAsync(ImportKind kind, Stream file, ImportMapping mapping, bool write, Actor? actor, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        if (!file.CanSeek)
        {
            // Sniffing the format, detecting the encoding and reading a zip all need to go back in the file.
            await using var copy = new FileStream(Common.TempFiles.NewPath("copy"),
                FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, FileOptions.DeleteOnClose);
            await file.CopyToAsync(copy, ct);
            copy.Position = 0;
            return await RunAsync(kind, copy, mapping, write, actor, progress, ct);
        }
        var spec = ImportSchemas.For(kind);
        var problems = new ProblemList();
        var outcome = new Outcome(kind, mapping, !write, spec);
        if (mapping.Kind != kind)
        {
            problems.Add(ImportProblem.Of(0, "kind", "mapping.kindMismatch", ImportKinds.Name(mapping.Kind), ImportKinds.Name(kind)));
            return outcome.Result(problems);
        }
        outcome.Format = SourceRows.Sniff(file);
        switch (outcome.Format)
        {
            case SourceFormat.Xls:
                problems.Add(ImportProblem.Of(1, "file", "file.xls"));
                return outcome.Result(problems);
            case SourceFormat.OtherZip:
                problems.Add(ImportProblem.Of(1, "file", "file.zip"));
                return outcome.Result(problems);
        }
        using var rows = Open(file, outcome, mapping.Encoding, problems);
        if (rows is null || !rows.ReadHeader(problems))
        {
            return outcome.Result(problems);
        }
        var hash = mapping.Fields.Values.Any(f => f.Hash) ? await hasher.HasherAsync(ct) : null;
        var mapper = RecordMapper.FromHeader(mapping, rows.Header, rows.HeaderLine, clock, hash, problems);
        if (mapper is null)
        {
            return outcome.Result(problems);
        }
        using var spool = write ? new RecordSpool(spec) : null;
        var lines = mapping.Lines == LineMode.None ? null : new OrderLines(spec, mapping.Lines, problems);
        var customerField = spec.Fields.ToList().FindIndex(f => f.Name == "customer_id");
        var customers = new HashSet<string>(StringComparer.Ordinal);
        while (rows.Read(ct))
        {
            outcome.RowsRead++;
            if ((outcome.RowsRead & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new ImportProgress(outcome.RowsRead, rows.Progress, false));
            }
            if (!mapper.Map(rows, rows.Line, out _))
            {
                continue;
            }
            if (lines is not null)
            {
                lines.Add(mapper.Values, mapper.Texts, rows.Line, mapper.SourceName);
            }
            else if (!problems.Any)
            {
                Accept(mapper.Values, rows.Line);
            }
        }
        lines?.CheckComplete();
        if (lines is not null && !problems.Any)
        {
            foreach (var (values, line) in lines.Orders())
            {
                Accept(values, line);
            }
        }
        outcome.Skipped = mapping.Skip.Select((rule, i) => new SkipCount(rule, mapper.SkippedBy[i])).ToList();
        if (problems.Any)
        {
            return outcome.Result(problems);
        }
        (outcome.NewCustomers, outcome.KnownCustomers) = await CountCustomersAsync(customers, ct);
        if (spool is null)
        {
            return outcome.Result(problems);
        }
        progress?.Report(new ImportProgress(outcome.RowsRead, 1, true));
        var written = await importer.ImportCheckedAsync(kind, spool.Rewind(), actor!, ct);
        if (!written.Succeeded)
        {
            // The records were checked by the same rules already; should the writer still refuse one, its line is the shop file's.
            foreach (var problem in written.Problems)
            {
                problems.Add(problem with { Line = spool.SourceLine(problem.Line, rows.HeaderLine) });
            }
            return outcome.Result(problems);
        }
        outcome.Written = written;
        return outcome.Result(problems);

        void Accept(object?[] values, long line)
        {
            outcome.Records++;
            if (customerField >= 0 && values[customerField] is string customer)
            {
                customers.Add(customer);
            }
            if (outcome.First.Count < PreviewRecords)
            {
                outcome.First.Add(values.Select((v, i) => ContractText.Format(spec.Fields[i], v)).ToList());
            }
            spool?.Add(values, line);
        }
    }

    private static SourceRows? Open(Stream file, Outcome outcome, SourceEncoding wanted, ProblemList problems)
    {
        if (outcome.Format == SourceFormat.Xlsx)
        {
            try
            {
                return new XlsxSourceRows(file, problems);
            }
            catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or IOException)
            {
                problems.Add(ImportProblem.Of(1, "file", "file.xlsx", e.GetType().Name));
                return null;
            }
        }
        var encoding = SourceRows.Detect(file, wanted);
        outcome.Encoding = encoding is UTF8Encoding ? "utf-8" : "gb18030";
        return new CsvSourceRows(file, encoding, checkUtf8: wanted == SourceEncoding.Utf8, problems);
    }

    // Which of the file's customers the database knows, a few thousand ids per query.
    private async Task<(long New, long Known)> CountCustomersAsync(HashSet<string> customers, CancellationToken ct)
    {
        if (customers.Count == 0)
        {
            return (0, 0);
        }
        long known = 0;
        await using var db = await factory.CreateDbContextAsync(ct);
        foreach (var chunk in customers.Chunk(2000))
        {
            known += await db.Customers.AsNoTracking().CountAsync(c => chunk.Contains(c.CustomerId), ct);
        }
        return (customers.Count - known, known);
    }

    private sealed class Outcome(ImportKind kind, ImportMapping mapping, bool dryRun, KindSpec spec)
    {
        public SourceFormat Format = SourceFormat.Csv;
        public string? Encoding;
        public long RowsRead;
        public long Records;
        public long NewCustomers;
        public long KnownCustomers;
        public IReadOnlyList<SkipCount> Skipped = mapping.Skip.Select(rule => new SkipCount(rule, 0)).ToList();
        public readonly List<IReadOnlyList<string?>> First = [];
        public ImportResult? Written;

        public MappedImportResult Result(ProblemList problems)
        {
            var failed = problems.Any;
            return new MappedImportResult(kind, mapping.Name, dryRun, Format, Encoding, RowsRead, failed ? 0 : Records, Skipped,
                failed ? 0 : NewCustomers, failed ? 0 : KnownCustomers, spec.Fields.Select(f => f.Name).ToList(), failed ? [] : First,
                problems.InLineOrder(), problems.More, failed ? null : Written);
        }
    }
}
