using LiveOps.Core.Overview;
using LiveOps.Core.Store;
using LiveOps.Tests.Core.Cohorts;
using LiveOps.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LiveOps.Tests.Core.Store;

/// <summary>
/// The shared report cache: one computation per report, query and data version, fresh for a minute from its own start,
/// awaited by every caller;
/// bounded; failures and abandoned computations not kept. Computations are counted by the compute delegates
/// handed in (the seam) and by <see cref="ReportCache.Computed"/>; barriers, not sleeps, order the callers.
/// </summary>
public sealed class ReportCacheTests
{
    private sealed record Q(int N);

    private sealed class Answer(int value)
    {
        public int Value { get; } = value;
    }

    private readonly DataVersion _version = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.FromHours(8)));

    [Fact]
    public async Task TwentyConcurrentCallers_ShareOneComputation()
    {
        var cache = new ReportCache(_version, _time);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var computations = 0;
        async Task<Answer> Compute(CancellationToken ct)
        {
            Interlocked.Increment(ref computations);
            await gate.Task.WaitAsync(ct);
            return new Answer(42);
        }

        // Every call joins before the first computation can finish (the gate holds it).
        var callers = Enumerable.Range(0, 20).Select(_ => cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None)).ToList();
        gate.SetResult();
        var answers = await Task.WhenAll(callers);

        Assert.Equal(1, computations);
        Assert.Equal(1, cache.Computed("r"));
        Assert.All(answers, a => Assert.Same(answers[0], a));
        Assert.Equal(42, answers[0].Value);
    }

    [Fact]
    public async Task EqualQueries_AreOneEntry_ADifferentQueryComputesSeparately()
    {
        var cache = new ReportCache(_version, _time);
        var computations = 0;
        Task<Answer> Compute(int n) { computations++; return Task.FromResult(new Answer(n)); }

        var a = await cache.GetOrComputeAsync("r", new Q(1), _ => Compute(1), CancellationToken.None);
        var again = await cache.GetOrComputeAsync("r", new Q(1), _ => Compute(1), CancellationToken.None);
        var b = await cache.GetOrComputeAsync("r", new Q(2), _ => Compute(2), CancellationToken.None);
        var otherReport = await cache.GetOrComputeAsync("s", new Q(1), _ => Compute(3), CancellationToken.None);

        Assert.Same(a, again);
        Assert.Equal(2, b.Value);
        Assert.Equal(3, otherReport.Value);
        Assert.Equal(3, computations);
    }

    [Fact]
    public async Task ADataChange_ComputesAfresh_AndDropsTheOldVersionsEntries()
    {
        var cache = new ReportCache(_version, _time);
        var next = 0;
        Task<Answer> Compute(CancellationToken _) => Task.FromResult(new Answer(++next));

        await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);
        await cache.GetOrComputeAsync("r", new Q(2), Compute, CancellationToken.None);
        Assert.Equal(2, cache.Count);

        _version.Bump();
        var after = await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);

        Assert.Equal(3, after.Value);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task ANewMinute_ComputesAfresh_SoReportsThatReadNowFollowTheClock()
    {
        var cache = new ReportCache(_version, _time);
        var next = 0;
        Task<Answer> Compute(CancellationToken _) => Task.FromResult(new Answer(++next));

        await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(59));
        var sameMinute = await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        var later = await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);

        Assert.Equal(1, sameMinute.Value);
        Assert.Equal(2, later.Value);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task EachReportAgesFromItsOwnStart_SoReportsComputedApartDoNotFallDueTogether()
    {
        var cache = new ReportCache(_version, _time);
        var next = 0;
        Task<Answer> Compute(CancellationToken _) => Task.FromResult(new Answer(++next));

        await cache.GetOrComputeAsync("a", new Q(1), Compute, CancellationToken.None); // 1 at 12:00:00
        _time.Advance(TimeSpan.FromSeconds(40));
        await cache.GetOrComputeAsync("b", new Q(1), Compute, CancellationToken.None); // 2 at 12:00:40
        _time.Advance(TimeSpan.FromSeconds(30)); // 12:01:10: a is 70 s old, b 30 s
        var a = await cache.GetOrComputeAsync("a", new Q(1), Compute, CancellationToken.None);
        var b = await cache.GetOrComputeAsync("b", new Q(1), Compute, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30)); // 12:01:40: b is 60 s old, the new a 30 s
        var a2 = await cache.GetOrComputeAsync("a", new Q(1), Compute, CancellationToken.None);
        var b2 = await cache.GetOrComputeAsync("b", new Q(1), Compute, CancellationToken.None);

        Assert.Equal((3, 2), (a.Value, b.Value));
        Assert.Equal((3, 4), (a2.Value, b2.Value));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public async Task ReportsNoLongerAskedFor_AreSweptAfterTheirMinute()
    {
        var cache = new ReportCache(_version, _time);
        Task<Answer> Compute(CancellationToken _) => Task.FromResult(new Answer(1));

        for (var n = 0; n < 10; n++)
        {
            await cache.GetOrComputeAsync("r", new Q(n), Compute, CancellationToken.None);
        }
        _time.Advance(TimeSpan.FromSeconds(61));
        await cache.GetOrComputeAsync("other", new Q(0), Compute, CancellationToken.None);

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task RefreshingInBackground_AReportInItsSecondMinuteIsServedAtOnce_WhileOneComputationReplacesIt()
    {
        var cache = new ReportCache(_version, _time, refreshInBackground: true);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var next = 0;
        async Task<Answer> Compute(CancellationToken _)
        {
            var n = Interlocked.Increment(ref next);
            if (n == 2)
            {
                await release.Task;
            }
            return new Answer(n);
        }

        await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(70));
        var whileRefreshing = await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);
        var again = await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);
        release.SetResult();
        await cache.RefreshedAsync();
        var refreshed = await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);

        Assert.Equal((1, 1, 2), (whileRefreshing.Value, again.Value, refreshed.Value));
        Assert.Equal(2, cache.Computed("r"));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task RefreshingInBackground_AReportTwoMinutesOld_OrOnOlderData_IsComputedWhileTheCallerWaits()
    {
        var cache = new ReportCache(_version, _time, refreshInBackground: true);
        var next = 0;
        Task<Answer> Compute(CancellationToken _) => Task.FromResult(new Answer(++next));

        await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        var late = await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(70));
        _version.Bump();
        var afterWrite = await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);

        Assert.Equal((2, 3), (late.Value, afterWrite.Value));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task RefreshingInBackground_AFailedRefresh_KeepsTheOldReport_AndTheNextCallerTriesAgain()
    {
        var cache = new ReportCache(_version, _time, refreshInBackground: true);
        var next = 0;
        Task<Answer> Compute(CancellationToken _) =>
            ++next == 2 ? Task.FromException<Answer>(new InvalidOperationException("database busy")) : Task.FromResult(new Answer(next));

        await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(70));
        var stale = await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);
        await cache.RefreshedAsync();
        var stillStale = await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);
        await cache.RefreshedAsync();
        var refreshed = await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);

        Assert.Equal((1, 1, 3), (stale.Value, stillStale.Value, refreshed.Value));
        Assert.Equal(3, cache.Computed("r"));
    }

    [Fact]
    public async Task TheBoundHolds_TheLeastRecentlyUsedIsEvicted()
    {
        var cache = new ReportCache(_version, _time, capacity: 3);
        var computations = 0;
        Task<Answer> Compute(int n) { computations++; return Task.FromResult(new Answer(n)); }

        for (var n = 1; n <= 3; n++)
        {
            await cache.GetOrComputeAsync("r", new Q(n), _ => Compute(n), CancellationToken.None);
        }
        await cache.GetOrComputeAsync("r", new Q(1), _ => Compute(1), CancellationToken.None); // 1 is now the most recent
        for (var n = 4; n <= 10; n++)
        {
            await cache.GetOrComputeAsync("r", new Q(n), _ => Compute(n), CancellationToken.None);
            Assert.True(cache.Count <= 3, $"{cache.Count} entries after query {n}");
        }
        Assert.Equal(10, computations);

        await cache.GetOrComputeAsync("r", new Q(10), _ => Compute(10), CancellationToken.None);
        Assert.Equal(10, computations); // held
        await cache.GetOrComputeAsync("r", new Q(2), _ => Compute(2), CancellationToken.None);
        Assert.Equal(11, computations); // evicted long ago
    }

    [Fact]
    public async Task AFailedComputation_IsNotKept()
    {
        var cache = new ReportCache(_version, _time);
        var calls = 0;
        Task<Answer> Compute(CancellationToken _) =>
            ++calls == 1 ? Task.FromException<Answer>(new InvalidOperationException("database busy")) : Task.FromResult(new Answer(7));

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None));
        var answer = await cache.GetOrComputeAsync("r", new Q(1), Compute, CancellationToken.None);

        Assert.Equal("database busy", failure.Message);
        Assert.Equal(7, answer.Value);
        Assert.Equal(2, calls);
    }

    /// <summary>Long enough for any correct run; a bug fails the test at this bound instead of hanging the suite.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    /// <summary>A computation that announces its start, hands out its token and finishes only when released (or cancelled, if it listens).</summary>
    private sealed class HeldComputation(bool listens)
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Runs { get; private set; }

        public CancellationToken Token { get; private set; }

        public async Task<Answer> RunAsync(CancellationToken ct)
        {
            Runs++;
            Token = ct;
            await (listens ? _release.Task.WaitAsync(ct) : _release.Task);
            return new Answer(42);
        }

        public void Release() => _release.TrySetResult();
    }

    [Fact]
    public async Task TwoCallersBothCancel_TheComputationIsCancelled_AndNotKept()
    {
        var cache = new ReportCache(_version, _time);
        var held = new HeldComputation(listens: true);
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();

        var a = cache.GetOrComputeAsync("r", new Q(1), held.RunAsync, first.Token);
        var b = cache.GetOrComputeAsync("r", new Q(1), held.RunAsync, second.Token);
        Assert.Equal(1, held.Runs);

        first.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.WaitAsync(Guard));
        Assert.False(held.Token.IsCancellationRequested); // the second caller still waits
        second.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.WaitAsync(Guard));

        Assert.True(held.Token.IsCancellationRequested);
        Assert.Equal(0, cache.Count);
        var fresh = await cache.GetOrComputeAsync("r", new Q(1), _ => Task.FromResult(new Answer(7)), CancellationToken.None).WaitAsync(Guard);
        Assert.Equal(7, fresh.Value);
        Assert.Equal(2, cache.Computed("r"));
    }

    [Fact]
    public async Task TwoCallersBothCancel_AComputationDeafToItsTokenIsNotKeptEither()
    {
        var cache = new ReportCache(_version, _time);
        var held = new HeldComputation(listens: false);
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();

        var a = cache.GetOrComputeAsync("r", new Q(1), held.RunAsync, first.Token);
        var b = cache.GetOrComputeAsync("r", new Q(1), held.RunAsync, second.Token);
        first.Cancel();
        second.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.WaitAsync(Guard));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b.WaitAsync(Guard));
        held.Release(); // finishes after everyone left: its answer belongs to nobody

        var fresh = await cache.GetOrComputeAsync("r", new Q(1), _ => Task.FromResult(new Answer(7)), CancellationToken.None).WaitAsync(Guard);
        Assert.Equal(7, fresh.Value);
        Assert.Equal(2, cache.Computed("r"));
    }

    [Fact]
    public async Task TwoCallersOneCancels_TheComputationGoesOn_AndTheOtherGetsTheResult()
    {
        var cache = new ReportCache(_version, _time);
        var held = new HeldComputation(listens: true);
        using var leaving = new CancellationTokenSource();

        var a = cache.GetOrComputeAsync("r", new Q(1), held.RunAsync, leaving.Token);
        var b = cache.GetOrComputeAsync("r", new Q(1), held.RunAsync, CancellationToken.None);
        leaving.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.WaitAsync(Guard));

        Assert.False(held.Token.IsCancellationRequested);
        Assert.False(b.IsCompleted);
        held.Release();
        var answer = await b.WaitAsync(Guard);

        Assert.Equal(42, answer.Value);
        Assert.Equal(1, held.Runs);
        // Kept for the next caller: served without computing again.
        var again = await cache.GetOrComputeAsync("r", new Q(1), _ => Task.FromResult(new Answer(7)), CancellationToken.None).WaitAsync(Guard);
        Assert.Same(answer, again);
        Assert.Equal(1, cache.Computed("r"));
    }

    [Fact]
    public async Task ACallerThatCancels_GetsOperationCanceledAtOnce_WhileTheComputationStillRuns()
    {
        var cache = new ReportCache(_version, _time);
        var held = new HeldComputation(listens: false); // a computation that does not listen cannot delay its callers
        var stays = cache.GetOrComputeAsync("r", new Q(1), held.RunAsync, CancellationToken.None);
        using var leaving = new CancellationTokenSource();
        var a = cache.GetOrComputeAsync("r", new Q(1), held.RunAsync, leaving.Token);

        leaving.Cancel();
        var refused = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a.WaitAsync(Guard));

        Assert.Equal(leaving.Token, refused.CancellationToken);
        Assert.False(stays.IsCompleted); // still computing
        held.Release();
        Assert.Equal(42, (await stays.WaitAsync(Guard)).Value);
    }

    [Fact]
    public async Task AnAlreadyCancelledCaller_IsRefusedWithoutComputing()
    {
        var cache = new ReportCache(_version, _time);
        var held = new HeldComputation(listens: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => cache.GetOrComputeAsync("r", new Q(1), held.RunAsync, new CancellationToken(canceled: true)).WaitAsync(Guard));

        Assert.Equal(0, held.Runs);
        Assert.Equal(0, cache.Count);
    }
}
