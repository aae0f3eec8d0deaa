using System.Text.Unicode;
using CsvHelper;

namespace LiveOps.Core.Actions;

/// <summary>One customer of a list as given: the id and, when the list carries a split, the group.</summary>
public sealed record ActionMemberInput(string CustomerId, ActionGroup? Group = null)
{
    /// <summary>The file line the customer was read from, for problems; null for a list built in the product.</summary>
    public long? Line { get; init; }
}

/// <summary>A list read from a file: its members, or every problem as <c>line N: column: what is wrong</c>.</summary>
public sealed record ActionListRead(IReadOnlyList<ActionMemberInput> Members, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Reads an action's list (contract §7): a <c>customer_id</c> column (alias 客户ID) and optionally a <c>group</c>
/// column (alias 分组) holding <c>contacted</c> or <c>holdout</c>; other columns are ignored, as in every import.
/// </summary>
public static class ActionListFile
{
    private const int MaxProblems = 100;

    public static async Task<ActionListRead> ReadAsync(Stream csv, CancellationToken ct = default)
    {
        var problems = new List<string>();
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            MaxRecordSize = 1 << 16,
            OnMalformedRecord = m => problems.Add($"line {m.LineNumber}: record: malformed CSV ({m.Reason})"),
        };
        await using var reader = CsvReader.Create(csv, options, leaveOpen: true);
        var members = new List<ActionMemberInput>();
        try
        {
            if (!await reader.ReadAsync(ct))
            {
                return new([], ["line 1: header: the file is empty; the first line must name the columns (customer_id, optionally group)"]);
            }
            int idColumn = -1, groupColumn = -1;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var name = reader.GetString(i).Trim().TrimStart('\uFEFF');
                if (name.Equals("customer_id", StringComparison.OrdinalIgnoreCase) || name == "客户ID")
                {
                    idColumn = i;
                }
                else if (name.Equals("group", StringComparison.OrdinalIgnoreCase) || name == "分组")
                {
                    groupColumn = i;
                }
            }
            if (idColumn < 0)
            {
                return new([], [$"line {reader.LineNumber}: header: no customer_id column; the list needs one (group is optional)"]);
            }
            while (await reader.ReadAsync(ct) && problems.Count < MaxProblems)
            {
                var line = reader.LineNumber;
                if (!Utf8.IsValid(reader.RawRecord))
                {
                    problems.Add($"line {line}: record: bytes that are not UTF-8; save the file as UTF-8");
                    continue;
                }
                var id = idColumn < reader.FieldCount ? reader.GetString(idColumn).Trim() : "";
                ActionGroup? group = null;
                if (groupColumn >= 0)
                {
                    var text = groupColumn < reader.FieldCount ? reader.GetString(groupColumn).Trim() : "";
                    group = ParseGroup(text);
                    if (group is null)
                    {
                        problems.Add($"line {line}: group: '{text}' is not a group; use contacted or holdout");
                    }
                }
                members.Add(new ActionMemberInput(id, group) { Line = line });
            }
        }
        catch (CsvFormatException e)
        {
            problems.Add($"line {Math.Max(1, e.LineNumber)}: record: a quoted field is never closed");
        }
        return new(members, problems);
    }

    /// <summary><c>contacted</c> or <c>holdout</c> (any case; 触达 and 对照 too); null for anything else.</summary>
    public static ActionGroup? ParseGroup(string text) => text.Trim().ToLowerInvariant() switch
    {
        "contacted" or "触达" => ActionGroup.Contacted,
        "holdout" or "对照" => ActionGroup.Holdout,
        _ => null,
    };
}
