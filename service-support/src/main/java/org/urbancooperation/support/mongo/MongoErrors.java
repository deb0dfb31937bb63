package org.urbancooperation.support.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
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
}
