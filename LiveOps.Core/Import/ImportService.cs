using CsvHelper;
using LiveOps.Core.Accounts;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Store;
using LiveOps.Core.Tiers;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Import;

/// <summary>
/// Imports one CSV file of a contract kind: validates the whole file, writes it in one
/// transaction, or writes nothing and returns every problem.
/// </summary>
public interface IImportService
{
    Task<ImportResult> ImportFileAsync(ImportKind kind, string path, CancellationToken ct = default);

    Task<ImportResult> ImportAsync(ImportKind kind, Stream csv, CancellationToken ct = default);
}

/// <summary>
/// One pass over the file inside one transaction: each record is checked and, while the file has shown no
/// problem, handed to a writer thread that inserts it with a prepared statement. After the first problem writing stops but reading
/// goes on, so every problem is listed; then the transaction is rolled back and nothing is written.
/// Memory stays bounded by the reader's buffer, the customer key map and <see cref="ProblemList.MaxKept"/>.
/// </summary>
public sealed class ImportService(
    IDbContextFactory<LiveOpsDbContext> contexts, ZoneClock clock, DataVersion version, AccessGuard guard, AuditLog audit, TierRuleSetService tierRuleSets, ImportGate gate) : IImportService
{
    // A record that grows past this is an unclosed quote swallowing the file, not data.
    private const int MaxRecordBytes = 1 << 20;

    // Files estimated at fewer rows than this keep their table's indexes up to date row by row.
    internal long DeferIndexesFromRows { get; set; } = 100_000;

    // A rough size of one CSV record, to estimate a file's rows from its length.
    private const int EstimatedBytesPerRow = 64;

    public async Task<ImportResult> ImportFileAsync(ImportKind kind, string path, CancellationToken ct = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        return await ImportAsync(kind, stream, ct);
    }

    /// <summary>Needs <see cref="Permission.Import"/>; every attempt is audited with its kind, rows and outcome.</summary>
    public async Task<ImportResult> ImportAsync(ImportKind kind, Stream csv, CancellationToken ct = default)
    {
        var name = ImportKinds.Name(kind);
        var actor = await guard.DemandAsync(Permission.Import, AuditAction.Import, name, ct);
        ImportResult result;
        try
        {
            result = await ImportCoreAsync(kind, csv, actor, ct);
        }
        catch (ImportBusyException)
        {
            await audit.WriteAsync(actor, AuditAction.Import, $"{name}: another import was running, nothing written", AuditOutcome.Rejected, CancellationToken.None);
            throw;
        }
        var detail = result.Succeeded
            ? $"{name}: {result.Rows} rows ({result.Added} added, {result.Updated} updated)"
            : $"{name}: {result.Rows} rows, {result.Problems.Count + result.MoreProblems} problems, nothing written";
        await audit.WriteAsync(actor, AuditAction.Import, detail, result.Succeeded ? AuditOutcome.Succeeded : AuditOutcome.Rejected, CancellationToken.None);
        return result;
    }

    /// <summary>
    /// Imports a plain §2 file that a mapping formed (<see cref="Mapping.MappedImportService"/>), for an actor already
    /// allowed to import; the caller audits the attempt.
    /// </summary>
    internal Task<ImportResult> ImportCheckedAsync(ImportKind kind, Stream csv, Actor actor, CancellationToken ct) =>
        ImportCoreAsync(kind, csv, actor, ct);

    /// <summary>Throws <see cref="ImportBusyException"/> when another import keeps the database past the gate's wait; nothing is written then.</summary>
    private async Task<ImportResult> ImportCoreAsync(ImportKind kind, Stream csv, Actor actor, CancellationToken ct)
    {
        using var turn = await gate.EnterAsync(ct);
        var spec = ImportSchemas.For(kind);
        var problems = new ProblemList();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false, // the header is read as the first record, so its bytes can be checked like any other
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MaxRecordSize = MaxRecordBytes,
            OnMalformedRecord = m => problems.Add(ImportProblem.Of(m.LineNumber, "record", Describe(m.Reason), m.Reason.ToString())),
        };
        await using var reader = CsvReader.Create(csv, options, leaveOpen: true);

        var estimatedRows = csv.CanSeek ? (csv.Length - csv.Position) / EstimatedBytesPerRow : 0;
        // A tier rule set is small and is published whole by TierRuleSetService once the file is checked.
        await using var batch = kind == ImportKind.TierRules ? null : await ImportBatch.OpenAsync(contexts, version, gate, spec, estimatedRows, DeferIndexesFromRows, ct);
        var writer = batch?.Writer;
        var tierRules = kind == ImportKind.TierRules ? new List<TierRuleRow>() : null;

        long rows = 0, changed = 0, headerLine = 1;
        // Reading and checking run on this thread, the inserts on the pipe's writer: two cores instead of one.
        var pipe = writer is null ? null : new RowPipe(spec.Fields.Count, writer.Write, writer.RowsHeldBack);
        // A staged file's key order is worked out here, beside the reading, not by the writer.
        var keyOrder = writer?.KeyOrder;
        try
        {
            if (!await reader.ReadAsync(ct))
            {
                problems.Add(ImportProblem.Of(1, "header", "file.empty"));
                return Rejected(kind, rows, problems);
            }
            headerLine = reader.LineNumber;
            var parser = RowParser.FromHeader(spec, reader, headerLine, clock, problems);
            if (parser is null)
            {
                return Rejected(kind, rows, problems);
            }
            while (await reader.ReadAsync(ct))
            {
                rows++;
                var line = reader.LineNumber;
                if (!parser.Parse(reader, line) || problems.Any)
                {
                    continue;
                }
                if (tierRules is not null)
                {
                    tierRules.Add(ToTierRule(line, parser.Values));
                }
                else
                {
                    pipe!.Add(parser.Values);
                    keyOrder?.Added(parser.Values);
                }
            }
        }
        catch (CsvFormatException e)
        {
            // The reader cannot go on (a record larger than MaxRecordBytes); what was found so far is reported.
            problems.Add(ImportProblem.Of(e.LineNumber > 0 ? e.LineNumber : headerLine, "record", "record.unclosed"));
        }
        finally
        {
            // Always waited for: the transaction must not end while the writer is still using the connection.
            if (pipe is not null)
            {
                keyOrder?.Complete();
                changed = await pipe.CompleteAsync();
            }
            changed += writer?.Flush() ?? 0;
        }
        if (tierRules is not null && !problems.Any)
        {
            foreach (var problem in TierRuleSetCheck.Check(tierRules, headerLine))
            {
                problems.Add(problem.Line, problem.Column, problem.Message);
            }
        }
        if (problems.Any)
        {
            return Rejected(kind, rows, problems);
        }

        long added, updated;
        if (tierRules is not null)
        {
            // A signed-in user's file is authored by them; the command line's stays anonymous as before.
            var drafts = tierRules.Select(r => new TierRuleDraft(r.Tier, r.Rank, r.MinSpend12m, r.MinOrders12m, r.Discount, r.DedicatedService)).ToList();
            await tierRuleSets.PublishImportAsync(drafts, actor.Trusted ? null : actor.Name, gate.Wait, ct);
            (added, updated) = (tierRules.Count, 0);
        }
        else
        {
            added = await batch!.CommitAsync(ct);
            updated = changed - added;
        }
        return new ImportResult(kind, rows, added, updated, [], 0, batch?.Customers?.Created ?? 0);
    }

    private static ImportResult Rejected(ImportKind kind, long rows, ProblemList problems) =>
        // Disposing the transaction without a commit rolls everything back, the created customers included.
        new(kind, rows, 0, 0, problems.InLineOrder(), problems.More);

    private static TierRuleRow ToTierRule(long line, object?[] v) =>
        new(line, (string)v[0]!, (int)(long)v[1]!, v[2] is long spend ? Money.FromUnits(spend) : null,
            v[3] is long orders ? (int)orders : null, (decimal)v[4]!, v[5] is 1L);

    // The text code of a malformed record (ImportText); "record.malformed" takes the reason as its argument.
    internal static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.StrayQuote => "record.strayQuote",
        CsvMalformedReason.TextAfterClosingQuote => "record.textAfterQuote",
        CsvMalformedReason.UnterminatedQuote => "record.unterminated",
        CsvMalformedReason.FieldCountMismatch => "record.fieldCount",
        _ => "record.malformed",
    };
}
