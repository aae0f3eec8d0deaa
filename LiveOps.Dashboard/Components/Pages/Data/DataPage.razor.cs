using Microsoft.Extensions.Localization;
using LiveOps.Dashboard.Resources;
using LiveOps.Core.Accounts;
using LiveOps.Dashboard.Accounts;
using LiveOps.Core.Import;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace LiveOps.Dashboard.Components.Pages.Data;

/// <summary>
/// Pick a kind, upload a CSV, see what was imported or every problem. The browser file is streamed
/// into a temporary file first, because the importer validates the whole file before writing and reads it twice.
/// </summary>
public sealed partial class DataPage : LiveOpsComponent
{
    /// <summary>The largest upload the page accepts; stated on the page.</summary>
    public const long MaxBytes = MaxMegabytes * 1024L * 1024L;

    public const int MaxMegabytes = 200;

    private MudFileUpload<IBrowserFile>? _upload;
    private ImportKind? _kind;
    private ImportResult? _result;
    private string? _fileName;
    private string? _rejection;
    private bool _busy;

    [Inject] private IImportService Importer { get; set; } = default!;

    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    [Inject] private IStringLocalizer<AccountsResource> A { get; set; } = default!;

    /// <summary><c>/data?kind=orders</c> opens the page with that kind chosen.</summary>
    [SupplyParameterFromQuery(Name = "kind")] public string? KindName { get; set; }

    protected override void OnParametersSet()
    {
        if (_kind is null && KindName is not null && ImportKinds.TryParse(KindName, out var kind))
        {
            _kind = kind;
        }
    }

    private void SelectKind(ImportKind kind)
    {
        if (kind != _kind)
        {
            _kind = kind;
            _result = null;
            _rejection = null;
        }
    }

    private string FormatHint(ColumnGuide column)
    {
        var hint = L[$"Data.Format.{column.Format}"].Value;
        return column.Values is null ? hint : $"{hint}: {column.Values}";
    }

    private async Task UploadAsync(IBrowserFile? file)
    {
        if (file is null || _kind is not { } kind || _busy)
        {
            return;
        }
        _fileName = file.Name;
        _result = null;
        _rejection = null;
        if (file.Size > MaxBytes)
        {
            _rejection = L["Data.TooLarge", file.Name, MaxMegabytes].Value;
            Snackbar.Add(_rejection, Severity.Error);
            await ClearPickerAsync();
            return;
        }

        _busy = true;
        StateHasChanged();
        var temp = Path.Combine(Path.GetTempPath(), $"liveops-upload-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var target = File.Create(temp))
            await using (var source = file.OpenReadStream(MaxBytes, PageClosed))
            {
                await source.CopyToAsync(target, PageClosed);
            }
            _result = await Importer.ImportFileAsync(kind, temp, PageClosed);
            if (_result.Succeeded)
            {
                Snackbar.Add(L["Data.Snack.Done", ImportKinds.Name(kind), _result.Rows].Value, Severity.Success);
            }
            else
            {
                Snackbar.Add(L["Data.Snack.Failed", _result.Problems.Count + _result.MoreProblems].Value, Severity.Error);
            }
        }
        catch (AccessDeniedException refusal)
        {
            _rejection = AccessMessages.Describe(A, refusal);
            Snackbar.Add(_rejection, Severity.Error);
        }
        catch (IOException)
        {
            // The upload broke off (closed tab, lost connection, file changed while read): nothing was imported.
            _rejection = L["Data.ReadFailed", file.Name].Value;
            Snackbar.Add(_rejection, Severity.Error);
        }
        finally
        {
            File.Delete(temp);
            _busy = false;
        }
        await ClearPickerAsync();
    }

    // Lets the same file name be picked again after it is fixed.
    private async Task ClearPickerAsync()
    {
        if (_upload is not null)
        {
            await _upload.ClearAsync();
        }
    }
}
