using LiveOps.Core.Import;
using LiveOps.Core.Import.Mapping;
using Microsoft.AspNetCore.Components;

namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>
/// Edits a <see cref="MappingDraft"/>. Preview and save hand the page a mapping already checked by the engine's rules;
/// a draft that breaks them stays as it is, with every problem listed, so no edit is lost.
/// </summary>
public sealed partial class MappingEditor
{
    /// <summary>At most this many distinct values are listed for a column; more means it is not a status column.</summary>
    public const int MaxValues = 50;

    private IReadOnlyList<ImportProblem> _problems = [];
    private bool _loadingValues;

    [Parameter, EditorRequired] public MappingDraft Draft { get; set; } = default!;

    /// <summary>The distinct values of a source column over the whole file.</summary>
    [Parameter, EditorRequired] public Func<string, Task<IReadOnlyList<string>>> LoadValues { get; set; } = default!;

    [Parameter] public EventCallback<ImportMapping> OnPreview { get; set; }

    /// <summary>Saves the mapping; returns the problems when the save was refused (empty when it was saved).</summary>
    [Parameter] public Func<ImportMapping, Task<IReadOnlyList<ImportProblem>>>? OnSave { get; set; }

    [Parameter] public EventCallback OnClose { get; set; }

    [Parameter] public bool Busy { get; set; }

    private static string SourceValue(FieldDraft field) => field.Source switch
    {
        FieldSourceKind.Column => "col:" + field.Column,
        FieldSourceKind.Constant => "const",
        FieldSourceKind.Product => "product",
        _ => "",
    };

    private static void SetSource(FieldDraft field, string? value)
    {
        value ??= "";
        if (value.StartsWith("col:", StringComparison.Ordinal))
        {
            var column = value[4..];
            if (column != field.Column)
            {
                field.Values.Clear();
            }
            (field.Source, field.Column) = (FieldSourceKind.Column, column);
        }
        else
        {
            field.Source = value switch { "const" => FieldSourceKind.Constant, "product" => FieldSourceKind.Product, _ => FieldSourceKind.SameName };
        }
    }

    private static void Toggle(HashSet<string> set, string item, bool on) => _ = on ? set.Add(item) : set.Remove(item);

    /// <summary>Lists the column's distinct values, each to be mapped; values already mapped keep their target.</summary>
    private async Task LoadValuesAsync(FieldDraft field)
    {
        _loadingValues = true;
        try
        {
            var found = await LoadValues(field.Column);
            foreach (var value in found)
            {
                field.Values.TryAdd(value, field.Allowed.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase)) ?? "");
            }
        }
        finally
        {
            _loadingValues = false;
        }
    }

    private async Task PreviewAsync()
    {
        if (Build() is { } mapping)
        {
            await OnPreview.InvokeAsync(mapping);
        }
    }

    private async Task SaveAsync()
    {
        if (Build() is { } mapping && OnSave is not null)
        {
            _problems = await OnSave(mapping);
        }
    }

    private ImportMapping? Build()
    {
        var mapping = Draft.TryBuild(out var problems);
        _problems = problems;
        return mapping;
    }
}
