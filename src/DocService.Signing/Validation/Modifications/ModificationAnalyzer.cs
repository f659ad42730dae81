using DocService.Pdf;
using DocService.Pdf.CrossReference;
using DocService.Pdf.Document;
using DocService.Pdf.Objects;
using DocService.Signing.Pades;
using DocService.Signing.Validation.Pdf;

namespace DocService.Signing.Validation.Modifications;

/// <summary>What the revisions after a signature changed, and whether that was allowed.</summary>
internal sealed record ModificationResult(ModificationLevel Level, bool Permitted, IReadOnlyList<ModificationFinding> Findings, IReadOnlyList<PdfAttack> Attacks);

/// <summary>
/// Compares each revision after a signature with the one before, object by object, as pyHanko's
/// difference analysis does: every object a revision's cross-reference section lists is looked up
/// in both revisions and judged by what it is and where it is used. Strict: a change that fits no
/// known harmless kind is <see cref="ModificationLevel.Other"/>. Whether the changes are permitted
/// follows the certification's DocMDP /P (no certification: up to annotations) and this
/// signature's FieldMDP lock.
/// </summary>
internal static class ModificationAnalyzer
{
    public static ModificationResult Analyze(RevisionSnapshots snapshots, EmbeddedSignature signature, ByteRangeResult byteRange)
    {
        if (byteRange.CoveredRevision is not { } covered)
            return new(ModificationLevel.None, true,
                [new ModificationFinding(0, ModificationLevel.None, true, "The signature covers no revision exactly, so later changes cannot be attributed (see the ByteRange verdict).")], []);

        var findings = new List<Finding>();
        var attacks = new HashSet<PdfAttack>();
        var signedDocument = snapshots.At(covered);
        if (!signature.PresentAtEnd)
        {
            findings.Add(new(snapshots.Count, ModificationLevel.Other, null,
                "The final revision no longer shows this signature in any signature field: a later revision hid or replaced it."));
            attacks.Add(PdfAttack.ShadowHide);
        }

        RoleCache roles = new();
        for (var number = covered + 1; number <= snapshots.Count; number++)
        {
            var before = snapshots.At(number - 1);
            var after = snapshots.At(number);
            if (before is null || after is null)
            {
                findings.Add(new(number, ModificationLevel.Other, null, $"Revision {number} cannot be compared with the one before it."));
                continue;
            }
            try
            {
                CompareRevision(snapshots, number, before, after, roles, findings, attacks);
            }
            catch (PdfException e)
            {
                findings.Add(new(number, ModificationLevel.Other, null, $"Revision {number} cannot be compared: {e.Message}"));
            }
        }

        var (maxAllowed, permissionText) = Allowed(signedDocument);
        var fieldLock = signedDocument is null ? null : LockOf(signedDocument, signature);
        var reported = new List<ModificationFinding>();
        foreach (var f in findings)
        {
            var permitted = f.Level <= maxAllowed;
            var text = f.Description;
            if (fieldLock is not null && f.Level > ModificationLevel.LtvOnly && (fieldLock.Permission == 1 || f.Field is { } name && fieldLock.Forbids(name)))
            {
                permitted = false;
                text += $" The signature's FieldMDP lock ({fieldLock.Describe()}) forbids this.";
            }
            else if (!permitted)
                text += $" Not permitted: {permissionText}.";
            reported.Add(new ModificationFinding(f.Revision, f.Level, permitted, text));
        }
        var level = reported.Count == 0 ? ModificationLevel.None : reported.Max(f => f.Level);
        var allPermitted = reported.All(f => f.Permitted);
        if (!allPermitted && reported.Any(f => !f.Permitted && f.Level == ModificationLevel.Other))
            attacks.Add(PdfAttack.IncrementalSavingAttack);
        return new(level, allPermitted, reported, attacks.Order().ToList());
    }

    sealed record Finding(int Revision, ModificationLevel Level, string? Field, string Description);

    sealed class RoleCache
    {
        readonly Dictionary<PdfDocument, ObjectRoles> _roles = new(ReferenceEqualityComparer.Instance);

        public ObjectRoles Of(PdfDocument document)
        {
            if (!_roles.TryGetValue(document, out var roles))
                _roles[document] = roles = ObjectRoles.Of(document);
            return roles;
        }
    }

    static void CompareRevision(RevisionSnapshots snapshots, int number, PdfDocument before, PdfDocument after, RoleCache roleCache,
        List<Finding> findings, HashSet<PdfAttack> attacks)
    {
        var previousEnd = snapshots.Revisions[number - 2].EofOffset;
        var changed = new Dictionary<int, XrefEntry>();
        var thisEnd = snapshots.Revisions[number - 1].EofOffset;
        foreach (var section in snapshots.Latest.XrefSections.Where(s => s.Offset >= previousEnd && s.Offset < thisEnd))
        {
            foreach (var (objectNumber, entry) in section.Entries)
                changed.TryAdd(objectNumber, entry);
        }
        if (changed.Count == 0 && snapshots.Latest.XrefSections.Count == 0)
        {
            findings.Add(new(number, ModificationLevel.Other, null, $"Revision {number} has no readable cross-reference section; its changes cannot be listed."));
            return;
        }

        var rolesBefore = roleCache.Of(before);
        var rolesAfter = roleCache.Of(after);
        var catalogBefore = (before.Trailer[PdfName.Root] as PdfReference)?.Id.Number;
        var catalogAfter = (after.Trailer[PdfName.Root] as PdfReference)?.Id.Number;
        if (catalogBefore != catalogAfter)
        {
            findings.Add(new(number, ModificationLevel.Other, null, $"Revision {number} replaces the document catalog (object {catalogBefore} → {catalogAfter}): a different document is shown."));
            attacks.Add(PdfAttack.ShadowHideAndReplace);
        }
        CompareTrailers(number, before.Trailer, after.Trailer, findings);

        foreach (var (objectNumber, entry) in changed.OrderBy(e => e.Key))
        {
            if (objectNumber == 0)
                continue;
            var oldValue = PdfObjectDiff.SafeGet(before, objectNumber);
            if (entry.Kind == XrefEntryKind.Free)
            {
                var oldRole = rolesBefore[objectNumber];
                if (oldValue is not PdfNull && oldRole != ObjectRole.None)
                    findings.Add(new(number, ModificationLevel.Other, null, $"Object {objectNumber} ({Describe(oldRole)}) is deleted."));
                continue;
            }
            if (entry.Kind == XrefEntryKind.InFile && entry.Offset < previousEnd && oldValue is not PdfNull)
            {
                findings.Add(new(number, ModificationLevel.Other, null,
                    $"Object {objectNumber} is pointed back at bytes of an earlier revision (offset {entry.Offset}): an old version is brought back."));
                attacks.Add(PdfAttack.ShadowHide);
            }
            var newValue = PdfObjectDiff.SafeGet(after, objectNumber);
            if (newValue is PdfStream { Dictionary: var d } && d[PdfName.Type] is PdfName { Value: "XRef" or "ObjStm" })
                continue;
            if (PdfObjectDiff.Same(before, after, oldValue, newValue))
                continue;
            var role = rolesAfter[objectNumber] | rolesBefore[objectNumber];
            Classify(number, objectNumber, objectNumber == catalogAfter, oldValue, newValue, role, before, after,
                n => rolesAfter[n] | rolesBefore[n], [snapshots.Revisions[number - 1].EofOffset, snapshots.Revisions[number - 1].EndOffset], findings, attacks);
        }
    }

    static void CompareTrailers(int number, PdfDictionary before, PdfDictionary after, List<Finding> findings)
    {
        string[] structural = ["Size", "Prev", "ID", "XRefStm", "Root", "Type", "W", "Index", "Length", "Filter", "DecodeParms", "Info"];
        foreach (var key in before.Keys.Concat(after.Keys).Select(k => k.Value).Distinct().Except(structural))
        {
            // Viewers show nothing from private trailer keys (Adobe's /DocChecksum, OpenOffice's
            // /AdditionalStreams); what they reference is still judged where it is used.
            if (!Equals(before[key], after[key]))
                findings.Add(new(number, ModificationLevel.None, null, $"The trailer's private key /{key} is {(after[key] is null ? "removed" : before[key] is null ? "added" : "changed")}."));
        }
        if (!Equals(before[PdfName.Info], after[PdfName.Info]))
            findings.Add(new(number, ModificationLevel.LtvOnly, null, "The document information dictionary is replaced (metadata)."));
    }

    static void Classify(int number, int objectNumber, bool isCatalog, PdfObject oldValue, PdfObject newValue, ObjectRole role,
        PdfDocument before, PdfDocument after, Func<int, ObjectRole> rolesOf, long[] revisionEnds, List<Finding> findings, HashSet<PdfAttack> attacks)
    {
        var verb = oldValue is PdfNull ? "added" : "changed";
        if (isCatalog && oldValue is PdfDictionary oldCatalog && newValue is PdfDictionary newCatalog)
        {
            CompareCatalog(number, oldCatalog, newCatalog, before, after, findings);
            return;
        }
        if (newValue is PdfDictionary page && page[PdfName.Type] is PdfName { Value: "Page" } && oldValue is PdfDictionary oldPage)
        {
            ComparePage(number, objectNumber, oldPage, page, before, after, findings);
            return;
        }
        if ((role & ObjectRole.Signature) != 0 && ObjectRoles.IsSignature(newValue))
        {
            if (oldValue is not PdfNull)
            {
                var keys = oldValue is PdfDictionary o && newValue is PdfDictionary n ? PdfObjectDiff.ChangedKeys(o, n) : "its value";
                findings.Add(new(number, ModificationLevel.Other, null, $"Signature dictionary {objectNumber} is changed after it was signed ({keys}): what it claims is no longer what was signed."));
                attacks.Add(PdfAttack.IncrementalSavingAttack);
            }
            else if (newValue is PdfDictionary sig && sig[PdfName.Type] is PdfName { Value: "DocTimeStamp" } || newValue is PdfDictionary s2 && s2["SubFilter"] is PdfName { Value: "ETSI.RFC3161" })
                findings.Add(new(number, ModificationLevel.LtvOnly, null, $"A document timestamp (object {objectNumber}) is added."));
            else if (newValue is PdfDictionary added && PdfObjectDiff.RangeEnd(after, added) is { } end && !revisionEnds.Contains(end))
            {
                findings.Add(new(number, ModificationLevel.Other, null,
                    $"Signature dictionary {objectNumber} added in revision {number} does not sign revision {number}: it is a copy of another signature (spoofing)."));
                attacks.Add(PdfAttack.IncrementalSavingAttack);
            }
            else
                findings.Add(new(number, ModificationLevel.FormFillAndSignatures, null, $"A signature (object {objectNumber}) is added."));
            return;
        }
        if ((role & ObjectRole.AnnotationList) != 0 && role == ObjectRole.AnnotationList)
        {
            var oldIds = (oldValue as PdfArray ?? PdfArray.Empty).OfType<PdfReference>().Select(r => r.Id).ToHashSet();
            var newIds = (newValue as PdfArray ?? PdfArray.Empty).OfType<PdfReference>().Select(r => r.Id).ToList();
            var added = newIds.Where(id => !oldIds.Contains(id)).ToList();
            var removed = oldIds.Count - newIds.Count(oldIds.Contains);
            var formWidgets = FormWidgets.Of(after);
            var allWidgets = removed == 0 && added.All(id => formWidgets.IsFormWidget(after, new PdfReference(id)));
            findings.Add(new(number, allWidgets ? ModificationLevel.FormFillAndSignatures : ModificationLevel.Annotations, null,
                $"Annotation list {objectNumber}: {added.Count} added, {removed} removed{(allWidgets ? " (form widgets)" : "")}."));
            return;
        }
        if ((role & ObjectRole.Content) != 0)
        {
            findings.Add(new(number, ModificationLevel.Other, null, $"Object {objectNumber} ({Describe(role)}, used by page content, resources, the page tree or document behaviour) is {verb}."));
            if (oldValue is not PdfNull && (role & (ObjectRole.Form | ObjectRole.Annotation)) != 0)
                attacks.Add(PdfAttack.ShadowReplace);
            return;
        }
        if ((role & (ObjectRole.Form | ObjectRole.Annotation)) != 0 && PdfObjectDiff.SharedReference(oldValue, newValue, objectNumber, rolesOf) is { } shared)
        {
            findings.Add(new(number, ModificationLevel.Other, null,
                $"{((role & ObjectRole.Form) != 0 ? "Form" : "Annotation")} object {objectNumber} now {shared.Verb} object {shared.Number}, which is also used outside the form and annotations ({Describe(shared.Role)})."));
            return;
        }
        if ((role & ObjectRole.Annotation) != 0)
        {
            findings.Add(new(number, ModificationLevel.Annotations, null, $"Annotation object {objectNumber} is {verb}."));
            return;
        }
        if ((role & ObjectRole.Form) != 0)
        {
            var field = PdfObjectDiff.FieldName(after, newValue);
            findings.Add(new(number, ModificationLevel.FormFillAndSignatures, field,
                $"Form object {objectNumber}{(field is null ? "" : $" (field '{field}')")} is {verb}."));
            if (field is not null && oldValue is PdfDictionary oldField && newValue is PdfDictionary newField
                && before.Resolve(oldField[PdfName.V]) is PdfString { Bytes.Length: > 0 } && !Equals(before.Resolve(oldField[PdfName.V]), after.Resolve(newField[PdfName.V])))
            {
                findings.Add(new(number, ModificationLevel.FormFillAndSignatures, field,
                    $"The value of field '{field}', already filled when signed, is replaced."));
                attacks.Add(PdfAttack.ShadowReplace);
            }
            return;
        }
        if ((role & ObjectRole.Structure) != 0)
        {
            findings.Add(new(number, ModificationLevel.FormFillAndSignatures, null, $"Logical structure (tags) object {objectNumber} is {verb}."));
            return;
        }
        if ((role & (ObjectRole.Validation | ObjectRole.Metadata)) != 0)
        {
            findings.Add(new(number, ModificationLevel.LtvOnly, null, $"Object {objectNumber} ({Describe(role)}) is {verb}."));
            return;
        }
        if ((role & ObjectRole.Container) != 0)
        {
            findings.Add(new(number, ModificationLevel.Other, null, $"Container object {objectNumber} is {verb}."));
            return;
        }
        if (oldValue is PdfNull)
            return; // added but used nowhere: it cannot change what is shown
        findings.Add(new(number, ModificationLevel.Other, null, $"Object {objectNumber}, used nowhere in the new revision, is {verb}."));
    }

    static void CompareCatalog(int number, PdfDictionary before, PdfDictionary after, PdfDocument beforeDocument, PdfDocument afterDocument, List<Finding> findings)
    {
        foreach (var key in before.Keys.Concat(after.Keys).Distinct())
        {
            if (Equals(before[key], after[key]))
                continue;
            var (level, what) = key.Value switch
            {
                "DSS" => (ModificationLevel.LtvOnly, "the DSS (validation data)"),
                "Extensions" => (ModificationLevel.LtvOnly, "the developer extensions"),
                "Metadata" => (ModificationLevel.LtvOnly, "the XMP metadata"),
                "PieceInfo" => (ModificationLevel.LtvOnly, "the application data (/PieceInfo)"),
                "Lang" => (ModificationLevel.LtvOnly, "the document language"),
                "Names" when PdfObjectDiff.OnlyNamedAppearancesDiffer(beforeDocument.Resolve(before[key]), afterDocument.Resolve(after[key])) =>
                    (ModificationLevel.Annotations, "the named annotation appearances (/Names /AP)"),
                "AcroForm" => (ModificationLevel.FormFillAndSignatures, "the interactive form"),
                _ => (ModificationLevel.Other, "/" + key.Value),
            };
            findings.Add(new(number, level, null, $"The catalog's entry for {what} is {(before[key] is null ? "added" : after[key] is null ? "removed" : "changed")}."));
        }
    }

    static void ComparePage(int number, int objectNumber, PdfDictionary before, PdfDictionary after, PdfDocument beforeDocument, PdfDocument afterDocument, List<Finding> findings)
    {
        foreach (var key in before.Keys.Concat(after.Keys).Distinct())
        {
            if (Equals(before[key], after[key]))
                continue;
            if (key.Value == "Annots")
            {
                var oldAnnots = (beforeDocument.Resolve(before[key]) as PdfArray ?? PdfArray.Empty).OfType<PdfReference>().Select(r => r.Id).ToHashSet();
                var added = (afterDocument.Resolve(after[key]) as PdfArray ?? PdfArray.Empty).OfType<PdfReference>().Where(r => !oldAnnots.Contains(r.Id)).ToList();
                var formWidgets = FormWidgets.Of(afterDocument);
                var allWidgets = added.All(r => formWidgets.IsFormWidget(afterDocument, r));
                findings.Add(new(number, allWidgets ? ModificationLevel.FormFillAndSignatures : ModificationLevel.Annotations, null,
                    $"Page object {objectNumber}: {added.Count} {(allWidgets ? "form widget(s)" : "annotation(s)")} added to /Annots."));
                continue;
            }
            findings.Add(new(number, ModificationLevel.Other, null, $"Page object {objectNumber}: /{key.Value} is {(before[key] is null ? "added" : after[key] is null ? "removed" : "changed")}."));
        }
    }

    static string Describe(ObjectRole role) => role == ObjectRole.None ? "unused" : role.ToString().ToLowerInvariant();

    static (ModificationLevel Max, string Text) Allowed(PdfDocument? signed)
    {
        DocMdpPermission? permission = null;
        try
        {
            if (signed is not null)
                permission = SigningPermissions.CertificationPermission(signed);
        }
        catch (PdfException)
        {
        }
        return permission switch
        {
            DocMdpPermission.NoChanges => (ModificationLevel.LtvOnly, "the certification permits no changes (DocMDP P=1)"),
            DocMdpPermission.FormFillingAndSigning => (ModificationLevel.FormFillAndSignatures, "the certification permits only form filling and signing (DocMDP P=2)"),
            DocMdpPermission.FormFillingSigningAndAnnotations => (ModificationLevel.Annotations, "the certification permits form filling, signing and annotations (DocMDP P=3)"),
            _ => (ModificationLevel.Annotations, "without certification, changes beyond form filling, signing and annotations alter the signed document"),
        };
    }

    /// <summary>The FieldMDP lock this signature applies: its FieldMDP transform, or its field's /Lock.</summary>
    static FieldLock? LockOf(PdfDocument document, EmbeddedSignature signature)
    {
        try
        {
            if (document.Get<PdfArray>(signature.Dictionary, new PdfName("Reference")) is { } references)
            {
                foreach (var reference in references)
                {
                    if (document.Resolve(reference) is PdfDictionary r && r["TransformMethod"] is PdfName { Value: "FieldMDP" }
                        && document.Get<PdfDictionary>(r, new PdfName("TransformParams")) is { } parameters)
                        return FieldLock.From(document, parameters);
                }
            }
            var field = document.Fields.FirstOrDefault(f => f.IsSigned && f.FullName == signature.FieldName);
            return field is not null && document.Get<PdfDictionary>(field.Dictionary, new PdfName("Lock")) is { } fieldLock
                ? FieldLock.From(document, fieldLock)
                : null;
        }
        catch (PdfException)
        {
            return null;
        }
    }
}
