using System.Collections.Frozen;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace LiveOps.Dashboard;

/// <summary>
/// MudBlazor's own texts (pagers, tables, date pickers, dialogs) in Chinese; English keeps MudBlazor's built-in texts.
/// Registered as the app's <see cref="MudLocalizer"/>.
/// </summary>
public sealed class MudTexts : MudLocalizer
{
    /// <summary>The table pager's line, which MudBlazor takes as a parameter rather than a resource.</summary>
    public static string TablePagerInfo => Cultures.IsChinese
        ? "第 {first_item}-{last_item} 条，共 {all_items} 条"
        : "{first_item}-{last_item} of {all_items}";

    private static readonly FrozenDictionary<string, string> Chinese = new Dictionary<string, string>
    {
        ["MudAlert_Close"] = "关闭",
        ["MudBaseDatePicker_NextMonth"] = "下个月",
        ["MudBaseDatePicker_NextYear"] = "下一年",
        ["MudBaseDatePicker_Open"] = "打开日期选择",
        ["MudBaseDatePicker_PrevMonth"] = "上个月",
        ["MudBaseDatePicker_PrevYear"] = "上一年",
        ["MudChip_Close"] = "移除",
        ["MudDataGridPager_AllItems"] = "全部",
        ["MudDataGridPager_FirstPage"] = "第一页",
        ["MudDataGridPager_InfoFormat"] = "第 {0}-{1} 条，共 {2} 条",
        ["MudDataGridPager_LastPage"] = "最后一页",
        ["MudDataGridPager_NextPage"] = "下一页",
        ["MudDataGridPager_PreviousPage"] = "上一页",
        ["MudDataGridPager_RowsPerPage"] = "每页行数：",
        ["MudDataGrid_Apply"] = "应用",
        ["MudDataGrid_Cancel"] = "取消",
        ["MudDataGrid_Clear"] = "清除",
        ["MudDataGrid_ClearFilter"] = "清除筛选",
        ["MudDataGrid_Column"] = "列",
        ["MudDataGrid_Columns"] = "列",
        ["MudDataGrid_Contains"] = "包含",
        ["MudDataGrid_Filter"] = "筛选",
        ["MudDataGrid_FilterValue"] = "筛选值",
        ["MudDataGrid_Hide"] = "隐藏",
        ["MudDataGrid_HideAll"] = "全部隐藏",
        ["MudDataGrid_Loading"] = "加载中…",
        ["MudDataGrid_Operator"] = "条件",
        ["MudDataGrid_Save"] = "保存",
        ["MudDataGrid_ShowAll"] = "全部显示",
        ["MudDataGrid_ShowColumnOptions"] = "列选项",
        ["MudDataGrid_Sort"] = "排序",
        ["MudDataGrid_Unsort"] = "取消排序",
        ["MudDataGrid_Value"] = "值",
        ["MudDateRangePicker_End"] = "结束日期",
        ["MudDateRangePicker_Start"] = "开始日期",
        ["MudDialog_Close"] = "关闭",
        ["MudFormComponent_Required"] = "必填",
        ["MudInput_Clear"] = "清除",
        ["MudInput_Decrement"] = "减少",
        ["MudInput_Increment"] = "增加",
        ["MudNavGroup_ToggleExpand"] = "展开或收起 {0}",
        ["MudPagination_CurrentPage"] = "当前页 {0}",
        ["MudPagination_FirstPage"] = "第一页",
        ["MudPagination_LastPage"] = "最后一页",
        ["MudPagination_NextPage"] = "下一页",
        ["MudPagination_PageIndex"] = "第 {0} 页",
        ["MudPagination_PreviousPage"] = "上一页",
        ["MudSelect_SelectAll"] = "全选",
        ["MudSnackbar_Close"] = "关闭",
        ["MudTablePager_FirstPage"] = "第一页",
        ["MudTablePager_LastPage"] = "最后一页",
        ["MudTablePager_NextPage"] = "下一页",
        ["MudTablePager_PreviousPage"] = "上一页",
        ["MudTable_Loading"] = "加载中…",
        ["MudTable_SelectAllRows"] = "全选",
        ["MudTable_SelectRow"] = "选择此行",
        ["MudTimePicker_Open"] = "打开时间选择",
    }.ToFrozenDictionary();

    public override LocalizedString this[string key] => Cultures.IsChinese && Chinese.TryGetValue(key, out var text)
        ? new LocalizedString(key, text)
        : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments] => Cultures.IsChinese && Chinese.TryGetValue(key, out var text)
        ? new LocalizedString(key, string.Format(System.Globalization.CultureInfo.CurrentCulture, text, arguments))
        : new LocalizedString(key, key, resourceNotFound: true);
}
