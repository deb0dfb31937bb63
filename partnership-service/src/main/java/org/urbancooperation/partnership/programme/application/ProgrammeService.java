package org.urbancooperation.partnership.programme.application;

import org.urbancooperation.contracts.identity.Role;
import org.urbancooperation.partnership.programme.domain.Programme;
import org.urbancooperation.partnership.programme.domain.ProgrammeEvent;
import org.urbancooperation.support.application.ExpectedVersion;
import org.urbancooperation.support.application.NotFoundException;
import org.urbancooperation.support.application.UnknownReferenceException;
import org.urbancooperation.support.application.Versioned;
import org.urbancooperation.support.domain.ResultWithEvents;
import org.urbancooperation.support.paging.Page;
import org.urbancooperation.support.paging.PageRequest;
import org.urbancooperation.support.security.Access;
import org.urbancooperation.support.security.Caller;

/** The programme use cases: operators register and change programmes; anybody reads them. */
public class ProgrammeService {

    private final ProgrammeRepository programmes;

    public ProgrammeService(ProgrammeRepository programmes) {
        this.programmes = programmes;
    }

    public Versioned<Programme> register(Caller caller, String id, Programme.Details details) {
        Access.requireRole(caller, Role.OPERATOR);
        ResultWithEvents<Programme, ProgrammeEvent> registered = Programme.register(id, details);
        requireKnownPredecessor(registered.aggregate());
        return programmes.insert(registered);
    }

    public Versioned<Programme> change(Caller caller, String id, Programme.Details details, ExpectedVersion expected) {
        Access.requireRole(caller, Role.OPERATOR);
        Versioned<Programme> current = get(id);
        expected.check("Programme " + id, current.version());
        ResultWithEvents<Programme, ProgrammeEvent> changed = current.aggregate().change(details);
        if (changed.events().isEmpty()) {
            return current;
        }
        if (details.continues() != null) {
            requireKnownPredecessor(changed.aggregate());
        }
        return programmes.update(changed, current.version(), expected);
    }

    public Versioned<Programme> get(String id) {
        return programmes.find(id).orElseThrow(() -> new NotFoundException("Programme", id));
    }

    public Page<Versioned<Programme>> list(PageRequest request) {
        return programmes.page(request);
    }

    private void requireKnownPredecessor(Programme programme) {
        if (programme.continues() != null && programmes.find(programme.continues()).isEmpty()) {
            throw new UnknownReferenceException("continues", "programme " + programme.continues()
                    + " is not registered; register it first");
        }
    }
}
