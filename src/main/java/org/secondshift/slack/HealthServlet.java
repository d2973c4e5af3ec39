package org.secondshift.slack;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.BooleanSupplier;

/** {@code GET /healthz}: 200 while the database answers, 503 otherwise. */
public final class HealthServlet extends HttpServlet {
  private final transient BooleanSupplier databaseUp;

  public HealthServlet(BooleanSupplier databaseUp) {
    this.databaseUp = databaseUp;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    boolean up = databaseUp.getAsBoolean();
    resp.setStatus(up ? 200 : 503);
    resp.setContentType("text/plain; charset=utf-8");
    resp.getWriter().write(up ? "ok\n" : "database unavailable\n");
  }
}
