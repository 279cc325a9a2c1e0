package tyndau;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/**
 * What every entity can do with itself, in the database {@link Database} chose, and the queries they share.
 * Not mapped: it has no state of its own.
 */
public abstract class Row {

    public void persist() {
        Database.current().persist(this);
    }

    public static EntityManager em() {
        return Database.current();
    }

    /** The entity of {@code type} with {@code id}, or null. */
    public static <T> T find(Class<T> type, Object id) {
        return Database.current().find(type, id);
    }

    /** How many rows of {@code type} satisfy a JPQL condition (empty: all of them), parameters ?1, ?2… */
    public static long count(Class<?> type, String where, Object... params) {
        return query(Long.class, "select count(*) " + from(type, where), params).getSingleResult();
    }

    /** The rows of {@code type} that satisfy a JPQL condition, which may end in (or be only) an {@code order by}. */
    public static <T> List<T> list(Class<T> type, String where, Object... params) {
        return query(type, from(type, where), params).getResultList();
    }

    /** A page of {@link #list}: {@code max} rows from the {@code first}. */
    public static <T> List<T> page(Class<T> type, String where, int first, int max, Object... params) {
        return query(type, from(type, where), params).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** The first row of {@link #list}, if any. */
    public static <T> Optional<T> first(Class<T> type, String where, Object... params) {
        return page(type, where, 0, 1, params).stream().findFirst();
    }

    private static String from(Class<?> type, String where) {
        return "from " + type.getSimpleName() + (where.isEmpty() ? "" : where.startsWith("order by") ? " " + where : " where " + where);
    }

    private static <T> TypedQuery<T> query(Class<T> result, String jpql, Object... params) {
        TypedQuery<T> q = Database.current().createQuery(jpql, result);
        for (int k = 0; k < params.length; k++) {
            q.setParameter(k + 1, params[k]);
        }
        return q;
    }
}
