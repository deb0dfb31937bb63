package org.urbancooperation.support.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoServerUnavailableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;

/** Classifies driver exceptions the same way on MongoDB and on mongo-java-server. */
public final class MongoErrors {

    private MongoErrors() {
    }

    public static boolean isDuplicateKey(MongoException e) {
        if (e instanceof MongoWriteException write) {
            return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e.getCode() == 11000;
    }

    /**
     * The database cannot be reached or cannot serve right now, and a later attempt may succeed: no server
     * selected in time ({@link MongoTimeoutException}), a connection refused, reset or timed out
     * ({@link MongoSocketException} and its subclasses: open, read, write, closed, read timeout), a pool
     * cleared after such a failure, a replica set between primaries ({@link MongoNotPrimaryException},
     * {@link MongoNodeIsRecoveringException}), an operation over its time limit. Looks through the causes, so a
     * wrapped driver exception counts too. The driver reconnects by itself once the server is back.
     */
    public static boolean isUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException || t instanceof MongoSocketException
                    || t instanceof MongoConnectionPoolClearedException
                    || t instanceof MongoServerUnavailableException || t instanceof MongoNotPrimaryException
                    || t instanceof MongoNodeIsRecoveringException || t instanceof MongoExecutionTimeoutException
                    || t instanceof MongoOperationTimeoutException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
