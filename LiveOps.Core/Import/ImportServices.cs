using LiveOps.Core.Import.Mapping;
using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Import;

public static class ImportServices
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddSingleton<ImportService>();
        services.AddSingleton<IImportService>(sp => sp.GetRequiredService<ImportService>());
        services.AddMappedImport();
        return services;
    }
}
