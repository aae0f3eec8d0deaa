using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Import;

public static class ImportServices
{
    public static IServiceCollection AddImport(this IServiceCollection services)
    {
        services.AddSingleton<IImportService, ImportService>();
        return services;
    }
}
