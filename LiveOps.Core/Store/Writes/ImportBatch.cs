using System.Data.Common;
using System.Globalization;
using LiveOps.Core.Common;
using LiveOps.Core.Data;
using LiveOps.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace LiveOps.Core.Store;

/// <summary>
/// The write of one imported file, in one transaction: open the writer → suspend the change triggers → defer the
/// table's indexes when that is cheaper → rows → rebuild the indexes → commit → bump the data version.
/// Disposed without a commit, it rolls everything back (the customers it created included).
/// </summary>
internal sealed class ImportBatch : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly DataVersion _version;
    private readonly string _table;
    private readonly long _before;
    private readonly DeferredIndexes? _deferred;
    private readonly ChangeTriggers _triggers;

    private ImportBatch(DbConnection connection, DbTransaction transaction, DataVersion version, KindSpec spec, bool rows, long estimatedRows, long deferIndexesFromRows)
    {
        _connection = connection;
        _transaction = transaction;
        _version = version;
        _table = spec.Table;
        var provider = DatabaseProvider.Of(connection);
        _before = rows ? Count() : 0;
        _deferred = rows && provider.DefersIndexesOnImport && DeferredIndexes.Worthwhile(estimatedRows, _before, deferIndexesFromRows)
            ? DeferredIndexes.Drop(connection, transaction, spec.Table)
            : null;
        var createsCustomers = spec.Fields.Any(f => f.Type == FieldType.CustomerRef);
        // One change for the whole file instead of a counter update per row; a rejected file rolls this back too.
        _triggers = provider.SuspendChangeTriggers(connection, transaction, createsCustomers ? [spec.Table, "customers"] : [spec.Table]);
        Customers = createsCustomers ? new CustomerKeys(connection, transaction) : null;
        Writer = rows ? new TableWriter(spec, connection, transaction, Customers) : null;
    }

    /// <summary>Customers resolved (and created) by the file's customer references; null when it has none.</summary>
    public CustomerKeys? Customers { get; }

    /// <summary>The rows' writer; null for a tier rule set, which is written whole by <see cref="CommitTierRuleSetAsync"/>.</summary>
    public TableWriter? Writer { get; }

    /// <summary>Opens the writer and the transaction; <c>rows</c> false for a tier rule set (no row writer, no counts, no deferred indexes).</summary>
    public static async Task<ImportBatch> OpenAsync(
        IDbContextFactory<LiveOpsDbContext> contexts, DataVersion version, KindSpec spec, bool rows, long estimatedRows, long deferIndexesFromRows, CancellationToken ct)
    {
        var connection = await DatabaseProvider.OpenWriterAsync(contexts, ct);
        DbTransaction? transaction = null;
        try
        {
            DatabaseProvider.Of(connection).BeforeImport(connection);
            transaction = await connection.BeginTransactionAsync(ct);
            return new ImportBatch(connection, transaction, version, spec, rows, estimatedRows, deferIndexesFromRows);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Rebuilds the deferred indexes, commits and bumps the version; returns the rows the table gained.</summary>
    public async Task<long> CommitAsync(CancellationToken ct)
    {
        _deferred?.Rebuild(_connection, _transaction);
        var added = Count() - _before;
        await CommitCoreAsync(ct);
        return added;
    }

    /// <summary>Writes a new tier rule set of the rules (in rank order), commits and bumps the version; a null author is anonymous.</summary>
    public async Task CommitTierRuleSetAsync(IReadOnlyList<TierRuleRow> rules, string? author, DateTimeOffset at, CancellationToken ct)
    {
        using (var set = _connection.CreateCommand())
        {
            set.Transaction = _transaction;
            set.CommandText = "INSERT INTO tier_rule_sets (\"CreatedAt\", \"Author\", \"Source\") VALUES (@at, @author, 'import') RETURNING \"Id\"";
            Add(set, "@author", (object?)author ?? DBNull.Value);
            Add(set, "@at", at.ToUnixTimeMilliseconds());
            var setId = Convert.ToInt32(set.ExecuteScalar(), CultureInfo.InvariantCulture);
            using var rule = _connection.CreateCommand();
            rule.Transaction = _transaction;
            rule.CommandText = """
                INSERT INTO tier_rules ("RuleSetId", "Tier", "Rank", "MinSpend12m", "MinOrders12m", "Discount", "DedicatedService")
                VALUES (@set, @tier, @rank, @spend, @orders, @discount, @service)
                """;
            // Parameters made once with their values set per rule: PostgreSQL prepares the repeated statement.
            var values = new[] { "@set", "@tier", "@rank", "@spend", "@orders", "@discount", "@service" }.Select(name =>
            {
                var parameter = rule.CreateParameter();
                parameter.ParameterName = name;
                rule.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            values[0].Value = setId;
            foreach (var r in rules.OrderBy(r => r.Rank))
            {
                values[1].Value = r.Tier;
                values[2].Value = r.Rank;
                values[3].Value = r.MinSpend12m is { } s ? Money.ToUnits(s) : DBNull.Value;
                values[4].Value = r.MinOrders12m is { } o ? o : DBNull.Value;
                values[5].Value = Money.ToUnits(r.Discount);
                values[6].Value = r.DedicatedService;
                rule.ExecuteNonQuery();
            }
        }
        await CommitCoreAsync(ct);
    }

    private async Task CommitCoreAsync(CancellationToken ct)
    {
        _triggers.Restore();
        await _transaction.CommitAsync(ct);
        _version.Bump();
    }

    private long Count()
    {
        using var count = _connection.CreateCommand();
        count.Transaction = _transaction;
        count.CommandText = $"SELECT COUNT(*) FROM {_table}";
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public async ValueTask DisposeAsync()
    {
        Writer?.Dispose();
        Customers?.Dispose();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
