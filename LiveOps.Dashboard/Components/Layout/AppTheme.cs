using MudBlazor;

namespace LiveOps.Dashboard.Components.Layout;

public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#d9480f",
            Secondary = "#1864ab",
            AppbarBackground = "#d9480f",
            Background = "#f8f9fa",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["-apple-system", "BlinkMacSystemFont", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Segoe UI", "Roboto", "sans-serif"],
            },
        },
    };
}
