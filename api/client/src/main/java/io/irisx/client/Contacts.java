package io.irisx.client;

import io.irisx.client.model.Contact;
import io.irisx.client.params.ContactParams;
import org.jspecify.annotations.Nullable;

/** The tenant's address book. */
public final class Contacts extends Resource {
  Contacts(Transport transport) {
    super(transport);
  }

  @ApiOperation("POST /v1/contacts")
  public Contact create(ContactParams params) {
    return doPost("/v1/contacts", params, Contact.class);
  }

  @ApiOperation("GET /v1/contacts/{id}")
  public Contact get(String id) {
    return doGet("/v1/contacts/" + segment(id), Contact.class);
  }

  @ApiOperation("GET /v1/contacts")
  public Page<Contact> list(@Nullable Integer limit) {
    return page("/v1/contacts", limit(limit), Contact.class);
  }

  public Page<Contact> list() {
    return list(null);
  }

  @ApiOperation("PATCH /v1/contacts/{id}")
  public Contact update(String id, ContactParams update) {
    return doPatch("/v1/contacts/" + segment(id), update, Contact.class);
  }

  @ApiOperation("DELETE /v1/contacts/{id}")
  public void delete(String id) {
    doDelete("/v1/contacts/" + segment(id));
  }
}
