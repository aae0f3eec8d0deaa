using Microsoft.Extensions.DependencyInjection;

namespace LiveOps.Core.Import.Mapping;

public static class MappingServices
{
    /// <summary>Imports through mappings, the presets and the saved mappings.</summary>
    public static IServiceCollection AddMappedImport(this IServiceCollection services)
    {
        services.AddSingleton<IdHasher>();
        services.AddSingleton<MappedImportService>();
        services.AddSingleton<SavedMappingService>();
        return services;
    }
}
