namespace LiveOps.Dashboard.Components.Shared;

/// <summary>
/// When a table's rows are virtualised (<see cref="VirtualRows{TItem}"/>): above <see cref="Threshold"/> rows, more than
/// a screen holds, the table gets a fixed height with its header in view and only the visible rows are rendered.
/// </summary>
public static class VirtualRowsView
{
    /// <summary>
    /// A few screenfuls of dense rows: a table up to this long renders every row and keeps its natural height (cheap,
    /// and the page's layout unchanged); a longer one holds only about a screenful in the page however long it is.
    /// </summary>
    public const int Threshold = 100;

    /// <summary>The height of a long table that scrolls inside the page (MudTable's <c>Height</c>).</summary>
    public const string Height = "min(70vh, 42rem)";

    public static bool IsLong(int rows) => rows > Threshold;

    /// <summary>The class that gives a long MudSimpleTable its fixed height; null for a short one.</summary>
    public static string? TableClass(int rows, string? other = null) =>
        IsLong(rows) ? (other is null ? "virtual-rows" : $"{other} virtual-rows") : other;
}
