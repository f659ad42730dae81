using Microsoft.EntityFrameworkCore;

namespace DocService.Api.Infrastructure.Exchange;

/// <summary>The outbox, the inbox and the recipients' status history in the EF model.</summary>
public static class ExchangeModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<OutboxMessage>(message =>
        {
            message.ToTable("ExchangeOutbox");
            message.HasKey(m => m.Id);
            message.Property(m => m.OrganId).HasMaxLength(13);
            message.Property(m => m.RecipientOrganId).HasMaxLength(13);
            message.Property(m => m.MessageType).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.Delivery).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.EdXmlDocumentId).HasMaxLength(200);
            message.Property(m => m.ResponseForCode).HasMaxLength(100);
            message.Property(m => m.Business).HasConversion<int>();
            message.Property(m => m.ReceiverChanges).HasMaxLength(2000);
            message.Property(m => m.Replaces).HasMaxLength(2000);
            message.Property(m => m.Description).HasMaxLength(2000);
            message.Property(m => m.LastError).HasMaxLength(2000);
            message.Property(m => m.AxisDocId).HasMaxLength(100);
            message.HasIndex(m => new { m.State, m.DueAt });
            message.HasIndex(m => new { m.OrganId, m.EdXmlDocumentId, m.RecipientOrganId });
            message.HasIndex(m => m.DocumentId);
        });

        model.Entity<InboxMessage>(message =>
        {
            message.ToTable("ExchangeInbox");
            message.HasKey(m => m.Id);
            message.Property(m => m.OrganId).HasMaxLength(13);
            message.Property(m => m.AxisDocId).HasMaxLength(100);
            message.Property(m => m.MessageType).HasConversion<string>().HasMaxLength(16);
            message.Property(m => m.SenderOrganId).HasMaxLength(13);
            message.Property(m => m.EdXmlDocumentId).HasMaxLength(200);
            message.Property(m => m.Outcome).HasMaxLength(16);
            message.Property(m => m.Detail).HasMaxLength(2000);
            message.HasIndex(m => new { m.OrganId, m.AxisDocId }).IsUnique();
        });

        model.Entity<RecipientStatus>(status =>
        {
            status.ToTable("RecipientStatuses");
            status.HasKey(s => s.Id);
            status.Property(s => s.OrganId).HasMaxLength(13);
            status.Property(s => s.RecipientOrganId).HasMaxLength(13);
            status.Property(s => s.Description).HasMaxLength(2000);
            status.Property(s => s.AxisDocId).HasMaxLength(100);
            status.HasIndex(s => new { s.DocumentId, s.RecipientOrganId });
        });
    }
}
