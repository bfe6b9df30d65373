package io.irisx.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.auth.Auth;
import io.irisx.api.auth.AuthenticatedTenant;
import io.irisx.api.errors.ProblemException;
import io.irisx.api.errors.ProblemType;
import io.irisx.api.paging.PageCursor;
import io.irisx.api.paging.Pages;
import io.irisx.api.paging.ResourceIds;
import io.irisx.api.representations.ContactView;
import io.irisx.api.representations.JsonText;
import io.irisx.api.representations.Page;
import io.irisx.api.representations.RequestFields;
import io.irisx.db.ContactDao;
import io.irisx.db.ContactRow;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;

/** {@code /v1/contacts}: the tenant's address book. */
@Path("/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
public final class ContactsResource {
  static final Set<String> FIELDS =
      Set.of(
          "firstName", "lastName", "phoneNumber", "email", "company", "tags", "notes", "metadata");
  static final int MAX_NAME_LENGTH = 200;
  static final int MAX_EMAIL_LENGTH = 320;
  static final int MAX_NOTES_LENGTH = 10_000;
  static final int MAX_TAGS = 50;
  static final int MAX_TAG_LENGTH = 100;
  static final int MAX_METADATA_BYTES = 16 * 1024;

  private final Jdbi jdbi;
  private final ContactDao contacts;
  private final Clock clock;

  public ContactsResource(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.contacts = jdbi.onDemand(ContactDao.class);
    this.clock = clock;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Auth AuthenticatedTenant tenant, JsonNode body, @Context UriInfo uriInfo) {
    RequestFields fields = RequestFields.of(body, FIELDS);
    ContactRow empty =
        new ContactRow(
            UUID.randomUUID(),
            tenant.tenantId(),
            null,
            null,
            null,
            null,
            null,
            "[]",
            null,
            "{}",
            clock.instant().truncatedTo(ChronoUnit.MILLIS),
            null);
    ContactRow contact = merge(empty, fields);
    if (contact.firstName() == null
        && contact.lastName() == null
        && contact.phoneNumber() == null
        && contact.email() == null
        && contact.company() == null) {
      throw ProblemException.validation(
          "(body)", "needs at least one of firstName, lastName, phoneNumber, email, company");
    }
    ContactRow row = contacts.insert(contact);
    return Response.created(
            uriInfo
                .getBaseUriBuilder()
                .path(ContactsResource.class)
                .path(row.id().toString())
                .build())
        .entity(ContactView.of(row))
        .build();
  }

  @GET
  public Page<ContactView> list(
      @Auth AuthenticatedTenant tenant,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return Pages.page(
        limit,
        cursor,
        (createdAt, id, rows) -> contacts.listNewestFirst(tenant.tenantId(), createdAt, id, rows),
        row -> new PageCursor(row.createdAt(), row.id()),
        ContactView::of);
  }

  @GET
  @Path("{id}")
  public ContactView get(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    return ResourceIds.parse(id)
        .flatMap(contactId -> contacts.find(tenant.tenantId(), contactId))
        .map(ContactView::of)
        .orElseThrow(() -> notFound(id));
  }

  /** Replaces the fields present (null clears one), keeps the others. */
  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, PhoneNumbersResource.MERGE_PATCH_JSON})
  public ContactView update(
      @Auth AuthenticatedTenant tenant, @PathParam("id") String id, JsonNode body) {
    UUID contactId = ResourceIds.parse(id).orElseThrow(() -> notFound(id));
    if (contacts.find(tenant.tenantId(), contactId).isEmpty()) {
      throw notFound(id);
    }
    RequestFields fields = RequestFields.of(body, FIELDS);
    ContactRow updated =
        jdbi.inTransaction(
            handle -> {
              ContactDao dao = handle.attach(ContactDao.class);
              ContactRow current =
                  dao.findForUpdate(tenant.tenantId(), contactId).orElseThrow(() -> notFound(id));
              return dao.update(merge(current, fields)).orElseThrow(() -> notFound(id));
            });
    return ContactView.of(updated);
  }

  @DELETE
  @Path("{id}")
  public Response delete(@Auth AuthenticatedTenant tenant, @PathParam("id") String id) {
    UUID contactId = ResourceIds.parse(id).orElseThrow(() -> notFound(id));
    if (!contacts.softDelete(tenant.tenantId(), contactId, clock.instant())) {
      throw notFound(id);
    }
    return Response.noContent().build();
  }

  /** The contact with the body's fields over it; throws the validation problem if any is wrong. */
  private static ContactRow merge(ContactRow current, RequestFields fields) {
    String firstName = text(fields, "firstName", MAX_NAME_LENGTH, current.firstName());
    String lastName = text(fields, "lastName", MAX_NAME_LENGTH, current.lastName());
    String phoneNumber =
        fields.has("phoneNumber") ? fields.e164("phoneNumber", false) : current.phoneNumber();
    String email = text(fields, "email", MAX_EMAIL_LENGTH, current.email());
    if (fields.has("email") && email != null && !looksLikeEmail(email)) {
      fields.error("email", "must be an email address");
    }
    String company = text(fields, "company", MAX_NAME_LENGTH, current.company());
    List<String> tags = fields.strings("tags", MAX_TAGS, MAX_TAG_LENGTH);
    String notes = text(fields, "notes", MAX_NOTES_LENGTH, current.notes());
    var metadata = fields.object("metadata", MAX_METADATA_BYTES);
    fields.check();
    return new ContactRow(
        current.id(),
        current.tenantId(),
        firstName,
        lastName,
        phoneNumber,
        email,
        company,
        fields.has("tags") ? JsonText.write(tags) : current.tagsJson(),
        notes,
        fields.has("metadata") ? JsonText.write(metadata) : current.metadataJson(),
        current.createdAt(),
        current.updatedAt());
  }

  private static @Nullable String text(
      RequestFields fields, String field, int maxLength, @Nullable String current) {
    if (!fields.has(field)) {
      return current;
    }
    String value = fields.text(field, false, maxLength);
    return value == null || value.isBlank() ? null : value;
  }

  private static ProblemException notFound(String id) {
    return new ProblemException(ProblemType.NOT_FOUND, "No contact " + ResourceIds.shown(id) + ".");
  }

  /** Deliberately loose: one {@code @} with something either side and no spaces. */
  private static boolean looksLikeEmail(String email) {
    int at = email.indexOf('@');
    return at > 0
        && at == email.lastIndexOf('@')
        && at < email.length() - 1
        && email.chars().noneMatch(Character::isWhitespace);
  }
}
