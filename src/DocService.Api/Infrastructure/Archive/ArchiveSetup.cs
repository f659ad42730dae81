using DocService.Api.Infrastructure.Persistence;

namespace DocService.Api.Infrastructure.Archive;

public static class ArchiveSetup
{
    public static IServiceCollection AddDocServiceArchive(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ArchiveOptions.Section);
        services.Configure<ArchiveOptions>(section);
        services.AddSingleton<RetentionSchedule>();
        services.AddScoped<ArchivePackageWriter>();
        services.AddScoped<ArchiveLevels>();
        services.AddScoped<ArchiveQueue>();
        if (section.GetValue(nameof(ArchiveOptions.WorkerEnabled), true))
            services.AddHostedService<ArchiveWorker>();
        return services;
    }
}

/// <summary>What the issue step calls: the document's retention class and its archive job, in the caller's transaction.</summary>
public sealed class ArchiveQueue(DocServiceDb db, RetentionSchedule schedule)
{
    public ArchiveJob Enqueue(Domain.Document document, DateTimeOffset at)
    {
        document.AssignRetention(schedule.For(document.TypeName).Name);
        var job = ArchiveJob.For(document.Id, document.OrganId, at);
        db.ArchiveJobs.Add(job);
        return job;
    }
}
