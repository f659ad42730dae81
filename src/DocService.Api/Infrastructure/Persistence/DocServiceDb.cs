using DocService.Api.Domain;
using DocService.Api.Domain.Keys;
using DocService.Api.Domain.Signing;
using DocService.Api.Infrastructure.Archive;
using DocService.Api.Domain.Verification;
using DocService.Api.Infrastructure.Audit;
using DocService.Api.Infrastructure.Http;
using DocService.Api.Infrastructure.Registers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DocService.Api.Infrastructure.Persistence;

/// <summary>
/// The service's one DbContext. Each provider has a subclass only so that each keeps its own
/// migration set (SQLite and PostgreSQL differ in types and SQL); handlers use this base type.
/// </summary>
public abstract class DocServiceDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Document> Documents => Set<Document>();
    public DbSet<DocumentRevision> Revisions => Set<DocumentRevision>();
    public DbSet<Organ> Organs => Set<Organ>();
    public DbSet<Official> Officials => Set<Official>();
    public DbSet<OrganUnit> Units => Set<OrganUnit>();
    public DbSet<Domain.Handling.Assignment> Assignments => Set<Domain.Handling.Assignment>();
    public DbSet<Domain.Handling.ProcessingNote> ProcessingNotes => Set<Domain.Handling.ProcessingNote>();
    public DbSet<Counter> Counters => Set<Counter>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<OwnerImage> OwnerImages => Set<OwnerImage>();
    public DbSet<SigningSession> SigningSessions => Set<SigningSession>();
    public DbSet<ArchiveJob> ArchiveJobs => Set<ArchiveJob>();
    public DbSet<VerificationRecord> Verifications => Set<VerificationRecord>();
    public DbSet<TrustAnchor> TrustAnchors => Set<TrustAnchor>();
    public DbSet<CertificateRegistration> CertificateRegistrations => Set<CertificateRegistration>();
    public DbSet<Exchange.OutboxMessage> Outbox => Set<Exchange.OutboxMessage>();
    public DbSet<Exchange.InboxMessage> Inbox => Set<Exchange.InboxMessage>();
    public DbSet<Exchange.RecipientStatus> RecipientStatuses => Set<Exchange.RecipientStatus>();
    public DbSet<Notifications.OrganWebhook> OrganWebhooks => Set<Notifications.OrganWebhook>();
    public DbSet<Notifications.NotificationDelivery> NotificationDeliveries => Set<Notifications.NotificationDelivery>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<Document>(document =>
        {
            document.HasKey(d => d.Id);
            document.Property(d => d.OrganId).HasMaxLength(13);
            document.Property(d => d.Kind).HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.Priority).HasConversion<int>();
            document.Property(d => d.Version).IsConcurrencyToken();
            document.Property(d => d.TypeName).HasMaxLength(100);
            document.Property(d => d.Subject).HasMaxLength(2000);
            document.Property(d => d.CodeNotation).HasMaxLength(50);
            document.Property(d => d.RetentionClass).HasMaxLength(40);
            document.Property(d => d.DateLinePlace).HasMaxLength(100);
            document.Property(d => d.Frozen).HasConversion<string>().HasMaxLength(20);
            document.Property(d => d.FrozenNote).HasMaxLength(2000);
            document.HasMany(d => d.Revisions).WithOne().HasForeignKey(r => r.DocumentId);
            document.Navigation(d => d.Revisions).HasField("_revisions").UsePropertyAccessMode(PropertyAccessMode.Field);
            document.Ignore(d => d.CurrentRevision);
            document.Ignore(d => d.ETag);
            document.HasIndex(d => new { d.OrganId, d.Status });
            document.HasIndex(d => new { d.OrganId, d.Kind, d.IssuedDate });
            document.HasIndex(d => new { d.OrganId, d.Kind, d.ArrivedAt });
            document.Property(d => d.ReceivedVia).HasConversion<string>().HasMaxLength(16);
            document.Property(d => d.SearchText);
        });

        model.Entity<Domain.Handling.Assignment>(assignment =>
        {
            assignment.ToTable("DocumentAssignments");
            assignment.HasKey(a => a.Id);
            assignment.HasOne<Document>().WithMany().HasForeignKey(a => a.DocumentId);
            assignment.Property(a => a.OrganId).HasMaxLength(13);
            assignment.Property(a => a.Role).HasConversion<string>().HasMaxLength(16);
            assignment.Property(a => a.UserName).HasMaxLength(200);
            assignment.Property(a => a.AssigneeName).HasMaxLength(300);
            assignment.Property(a => a.AssignedBy).HasMaxLength(200);
            assignment.HasIndex(a => a.DocumentId);
            assignment.HasIndex(a => new { a.OrganId, a.UserName });
            assignment.HasIndex(a => new { a.OrganId, a.UnitId });
        });

        model.Entity<Domain.Handling.ProcessingNote>(note =>
        {
            note.HasKey(n => n.Id);
            note.HasOne<Document>().WithMany().HasForeignKey(n => n.DocumentId);
            note.Property(n => n.OrganId).HasMaxLength(13);
            note.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
            note.Property(n => n.Text).HasMaxLength(4000);
            note.Property(n => n.Author).HasMaxLength(200);
            note.HasIndex(n => new { n.DocumentId, n.At });
        });

        model.Entity<DocumentRevision>(revision =>
        {
            revision.HasKey(r => new { r.DocumentId, r.Number });
            revision.Property(r => r.Sha256).HasMaxLength(64);
            revision.Property(r => r.StorageKey).HasMaxLength(400);
        });

        model.Entity<Organ>(organ =>
        {
            organ.HasKey(o => o.Id);
            organ.Property(o => o.Id).HasMaxLength(13);
            organ.Property(o => o.ParentId).HasMaxLength(13);
            organ.Property(o => o.Name).HasMaxLength(300);
            organ.Property(o => o.Abbreviation).HasMaxLength(30);
            organ.Property(o => o.Level).HasConversion<string>().HasMaxLength(16);
            organ.Property(o => o.Address).HasMaxLength(500);
            organ.HasIndex(o => o.ParentId);
        });

        model.Entity<OrganUnit>(unit =>
        {
            unit.ToTable("Units");
            unit.HasKey(u => u.Id);
            unit.Property(u => u.OrganId).HasMaxLength(13);
            unit.Property(u => u.Code).HasMaxLength(30);
            unit.Property(u => u.Name).HasMaxLength(300);
            unit.HasIndex(u => new { u.OrganId, u.Code }).IsUnique();
        });

        model.Entity<Official>(official =>
        {
            // The OIDC subject is unique per provider, but one person may serve two organs: each keeps its own record.
            official.HasKey(o => new { o.OrganId, o.UserName });
            official.Property(o => o.OrganId).HasMaxLength(13);
            official.Property(o => o.UserName).HasMaxLength(200);
            official.Property(o => o.FullName).HasMaxLength(200);
            official.Property(o => o.Position).HasMaxLength(200);
            official.Property(o => o.Email).HasMaxLength(320);
            official.HasIndex(o => new { o.OrganId, o.UnitId });
        });

        model.Entity<Counter>(counter =>
        {
            counter.HasKey(c => c.Key);
            counter.Property(c => c.Key).HasMaxLength(100);
        });

        model.Entity<AuditEntry>(entry =>
        {
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedNever();
            entry.Property(e => e.Hash).HasMaxLength(64);
            entry.Property(e => e.PreviousHash).HasMaxLength(64);
            entry.Property(e => e.PayloadSha256).HasMaxLength(64);
            entry.HasIndex(e => new { e.OrganId, e.Sequence });
            entry.HasIndex(e => new { e.OrganId, e.Target });
        });

        model.Entity<SigningKey>(key =>
        {
            key.HasKey(k => k.Id);
            key.Property(k => k.OwnerKind).HasConversion<string>().HasMaxLength(16);
            key.Property(k => k.Thumbprint).HasMaxLength(64);
            key.HasIndex(k => new { k.OrganId, k.OwnerKind, k.OwnerId });
            key.Ignore(k => k.SealingOwner);
        });

        model.Entity<OwnerImage>(image =>
        {
            image.HasKey(i => i.Id);
            image.Property(i => i.OwnerKind).HasConversion<string>().HasMaxLength(16);
            image.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
            image.HasIndex(i => new { i.OrganId, i.OwnerKind, i.OwnerId, i.Kind }).IsUnique();
        });

        model.Entity<VerificationRecord>(verification =>
        {
            verification.HasKey(v => v.Id);
            verification.Property(v => v.Sha256).HasMaxLength(64);
            verification.Property(v => v.Indication).HasMaxLength(32);
            verification.HasIndex(v => new { v.OrganId, v.CreatedAt });
            verification.HasIndex(v => new { v.OrganId, v.FileKeptUntil });
        });

        model.Entity<TrustAnchor>(anchor =>
        {
            anchor.HasKey(a => a.Id);
            anchor.Property(a => a.OrganId).HasMaxLength(13);
            anchor.Property(a => a.Thumbprint).HasMaxLength(64);
            // Per organ; the platform set (null organ) is kept unique by the handler, as NULLs never collide in an index.
            anchor.HasIndex(a => new { a.OrganId, a.Thumbprint }).IsUnique();
        });

        model.Entity<CertificateRegistration>(registration =>
        {
            registration.HasKey(r => r.Id);
            registration.Property(r => r.OrganId).HasMaxLength(13);
            registration.Property(r => r.OwnerKind).HasConversion<string>().HasMaxLength(8);
            registration.Property(r => r.OwnerId).HasMaxLength(200);
            registration.Property(r => r.Thumbprint).HasMaxLength(64);
            registration.Property(r => r.Status).HasConversion<string>().HasMaxLength(8);
            // A certificate belongs to one owner in an organ.
            registration.HasIndex(r => new { r.OrganId, r.Thumbprint }).IsUnique();
            registration.HasIndex(r => new { r.OrganId, r.OwnerKind, r.OwnerId });
        });

        model.Entity<ArchiveJob>(job =>
        {
            job.HasKey(j => j.DocumentId);
            job.HasOne<Document>().WithOne().HasForeignKey<ArchiveJob>(j => j.DocumentId);
            job.Property(j => j.OrganId).HasMaxLength(13);
            job.Property(j => j.Status).HasConversion<string>().HasMaxLength(16);
            job.Property(j => j.LastError).HasMaxLength(2000);
            job.Property(j => j.ManifestKey).HasMaxLength(400);
            job.Property(j => j.ManifestSha256).HasMaxLength(64);
            job.HasIndex(j => new { j.Status, j.DueAt });
        });

        model.Entity<SigningSession>(session =>
        {
            session.HasKey(s => s.Id);
            session.Property(s => s.OrganId).HasMaxLength(13);
            session.Property(s => s.UserName).HasMaxLength(200);
            session.Property(s => s.Step).HasConversion<string>().HasMaxLength(16);
            session.Property(s => s.SignatureAlgorithm).HasMaxLength(16);
            session.Property(s => s.DigestAlgorithm).HasMaxLength(16);
            session.Property(s => s.PreparedKey).HasMaxLength(400);
            session.Property(s => s.PreparedSha256).HasMaxLength(64);
            session.Property(s => s.CompletedAt);
            session.HasIndex(s => new { s.OrganId, s.Step, s.RegisterYear, s.ExpiresAt });
        });

        Exchange.ExchangeModel.Configure(model);
        Notifications.NotificationModel.Configure(model);

        model.Entity<IdempotencyRecord>(record =>
        {
            record.HasKey(r => r.Id);
            record.HasIndex(r => new { r.OrganId, r.UserName, r.Key }).IsUnique();
            record.Property(r => r.Key).HasMaxLength(200);
            record.Property(r => r.RequestSha256).HasMaxLength(64);
        });
    }
}

public sealed class SqliteDocServiceDb(DbContextOptions<SqliteDocServiceDb> options) : DocServiceDb(options)
{
    // SQLite has no date-time-with-offset type, and EF cannot order or compare the text form;
    // all our instants are UTC, so their binary form sorts correctly.
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) =>
        configuration.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
}

public sealed class PostgresDocServiceDb(DbContextOptions<PostgresDocServiceDb> options) : DocServiceDb(options)
{
    // A trigram index serves the infix LIKE of a search ("%to cong tac%"), which a B-tree cannot.
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.HasPostgresExtension("pg_trgm");
        model.Entity<Document>().HasIndex(d => d.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
