namespace DocService.Api.Infrastructure.Notifications;

public static class NotificationSetup
{
    public static IServiceCollection AddDocServiceNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<NotificationOptions>(configuration.GetSection(NotificationOptions.Section));
        services.AddScoped<DeadlineNotices>();
        // No automatic redirects: a webhook answers where it was registered, and a redirect must not carry the signed body elsewhere.
        services.AddHttpClient(NotificationWorker.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddHostedService<NotificationWorker>();
        return services;
    }
}
