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
    private readonly DeferredIndexes? _deferredCustomers;
    private readonly ChangeTriggers _triggers;
    private readonly ImportGate _gate;
    private bool _connectionHandedOver;

    private ImportBatch(DbConnection connection, DbTransaction transaction, DataVersion version, ImportGate gate, KindSpec spec, long estimatedRows, long deferIndexesFromRows)
    {
        _connection = connection;
        _transaction = transaction;
        _version = version;
        _gate = gate;
        _table = spec.Table;
        var provider = DatabaseProvider.Of(connection);
        _before = Count(_table);
        var large = DeferredIndexes.Worthwhile(estimatedRows, _before, deferIndexesFromRows);
        _deferred = provider.DefersIndexesOnImport && large ? DeferredIndexes.Drop(connection, transaction, spec.Table) : null;
        var createsCustomers = spec.Fields.Any(f => f.Type == FieldType.CustomerRef);
        // A large file's new customers go into a young customers table in the order they first appear, at random places
        // of its id index: the index is built afterwards too (new ids are told from known ones in memory, not by the index).
        _deferredCustomers = _deferred is not null && createsCustomers && Count("customers") * 4 < estimatedRows
            ? DeferredIndexes.Drop(connection, transaction, "customers", uniqueToo: true)
            : null;
        // One change for the whole file instead of a counter update per row; a rejected file rolls this back too.
        _triggers = provider.SuspendChangeTriggers(connection, transaction, createsCustomers ? [spec.Table, "customers"] : [spec.Table]);
        Customers = createsCustomers ? new CustomerKeys(connection, transaction) : null;
        Writer = new TableWriter(spec, connection, transaction, Customers, sortByKey: large);
    }

    /// <summary>Customers resolved (and created) by the file's customer references; null when it has none.</summary>
    public CustomerKeys? Customers { get; }

    /// <summary>The rows' writer.</summary>
    public TableWriter Writer { get; }

    /// <summary>Opens the writer and the transaction for rows of <paramref name="spec"/>'s table, for the holder of <paramref name="gate"/>'s turn.</summary>
    /// <remarks>The transaction takes the write lock at once (SQLite: <c>BEGIN IMMEDIATE</c>); held by another connection past
    /// the gate's wait, <see cref="ImportBusyException"/> says so before anything was written.</remarks>
    public static async Task<ImportBatch> OpenAsync(
        IDbContextFactory<LiveOpsDbContext> contexts, DataVersion version, ImportGate gate, KindSpec spec, long estimatedRows, long deferIndexesFromRows, CancellationToken ct)
    {
        var connection = await DatabaseProvider.OpenWriterAsync(contexts, gate.Wait, ct);
        DbTransaction? transaction = null;
        try
        {
            DatabaseProvider.Of(connection).BeforeImport(connection);
            transaction = await connection.BeginTransactionAsync(ct);
            return new ImportBatch(connection, transaction, version, gate, spec, estimatedRows, deferIndexesFromRows);
        }
        catch (Exception e) when (ImportGate.IsBusy(e))
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
            await connection.DisposeAsync();
            throw new ImportBusyException();
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

    /// <summary>
    /// Rebuilds the deferred indexes, commits and bumps the version; returns the rows the table gained. What the
    /// provider leaves for after the commit (<see cref="DatabaseProvider.AfterBulkCommit"/>) then runs in the background
    /// on this writer's connection, which it closes.
    /// </summary>
    public async Task<long> CommitAsync(CancellationToken ct)
    {
        _deferred?.Rebuild(_connection, _transaction);
        _deferredCustomers?.Rebuild(_connection, _transaction);
        var added = Count(_table) - _before;
        _triggers.Restore();
        await _transaction.CommitAsync(ct);
        _version.Bump();
        if (DatabaseProvider.Of(_connection).AfterBulkCommit is { } afterCommit)
        {
            // Nothing of this batch may touch the connection once another thread has it.
            await ReleaseStatementsAsync();
            _connectionHandedOver = true;
            var connection = _connection;
            _gate.RunAfterWrite(() =>
            {
                using (connection)
                {
                    afterCommit(connection);
                }
            });
        }
        return added;
    }


    private long Count(string table)
    {
        using var count = _connection.CreateCommand();
        count.Transaction = _transaction;
        count.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connectionHandedOver)
        {
            return;
        }
        await ReleaseStatementsAsync();
        await _connection.DisposeAsync();
    }

    private async Task ReleaseStatementsAsync()
    {
        Writer.Dispose();
        Customers?.Dispose();
        await _transaction.DisposeAsync();
    }
}
